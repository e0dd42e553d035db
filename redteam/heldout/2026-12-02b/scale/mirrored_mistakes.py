"""Blind red team: wrong answers for kata scale/mirrored."""
import keras
import tensorflow as tf

from katas._support.mistakes import mistake


@mistake("I split the CPU into 4 logical devices 'to have room' and mirrored over the first two, so there "
         "are more than 2 logical CPUs", replaces="fit_mirrored")
def fit_four_logical_use_two(build_model, x, y, epochs, batch_size, learning_rate):
    cpu = tf.config.list_physical_devices("CPU")[0]
    tf.config.set_logical_device_configuration(
        cpu, [tf.config.LogicalDeviceConfiguration() for _ in range(4)])
    strategy = tf.distribute.MirroredStrategy(["/cpu:0", "/cpu:1"])
    with strategy.scope():
        model = build_model()
        model.compile(optimizer=keras.optimizers.SGD(learning_rate), loss="mse")
    model.fit(x, y, epochs=epochs, batch_size=batch_size, shuffle=False, verbose=0)
    return model.get_weights()


@mistake("I split the CPU into 4 logical devices and mirrored over all of them, so there are 4 replicas, "
         "not 2", replaces="fit_mirrored")
def fit_four_replicas(build_model, x, y, epochs, batch_size, learning_rate):
    cpu = tf.config.list_physical_devices("CPU")[0]
    tf.config.set_logical_device_configuration(
        cpu, [tf.config.LogicalDeviceConfiguration() for _ in range(4)])
    devices = [device.name for device in tf.config.list_logical_devices("CPU")]
    strategy = tf.distribute.MirroredStrategy(devices)
    with strategy.scope():
        model = build_model()
        model.compile(optimizer=keras.optimizers.SGD(learning_rate), loss="mse")
    model.fit(x, y, epochs=epochs, batch_size=batch_size, shuffle=False, verbose=0)
    return model.get_weights()


@mistake("I first listed the logical devices to see whether a split was needed, which initialises "
         "TensorFlow's devices and makes the split raise RuntimeError", replaces="fit_mirrored")
def fit_lists_devices_before_split(build_model, x, y, epochs, batch_size, learning_rate):
    if len(tf.config.list_logical_devices("CPU")) < 2:
        cpu = tf.config.list_physical_devices("CPU")[0]
        tf.config.set_logical_device_configuration(
            cpu, [tf.config.LogicalDeviceConfiguration(), tf.config.LogicalDeviceConfiguration()])
    strategy = tf.distribute.MirroredStrategy(["/cpu:0", "/cpu:1"])
    with strategy.scope():
        model = build_model()
        model.compile(optimizer=keras.optimizers.SGD(learning_rate), loss="mse")
    model.fit(x, y, epochs=epochs, batch_size=batch_size, shuffle=False, verbose=0)
    return model.get_weights()


@mistake("I built the model before entering strategy.scope() and only compiled inside it, so its "
         "variables are not mirrored", replaces="fit_mirrored")
def fit_model_built_outside_scope(build_model, x, y, epochs, batch_size, learning_rate):
    cpu = tf.config.list_physical_devices("CPU")[0]
    tf.config.set_logical_device_configuration(
        cpu, [tf.config.LogicalDeviceConfiguration(), tf.config.LogicalDeviceConfiguration()])
    strategy = tf.distribute.MirroredStrategy(["/cpu:0", "/cpu:1"])
    model = build_model()
    with strategy.scope():
        model.compile(optimizer=keras.optimizers.SGD(learning_rate), loss="mse")
    model.fit(x, y, epochs=epochs, batch_size=batch_size, shuffle=False, verbose=0)
    return model.get_weights()


@mistake("I created the SGD optimizer before the scope and only passed it to compile inside, so the "
         "optimizer's variables are not made under the strategy", replaces="fit_mirrored")
def fit_optimizer_outside_scope(build_model, x, y, epochs, batch_size, learning_rate):
    cpu = tf.config.list_physical_devices("CPU")[0]
    tf.config.set_logical_device_configuration(
        cpu, [tf.config.LogicalDeviceConfiguration(), tf.config.LogicalDeviceConfiguration()])
    strategy = tf.distribute.MirroredStrategy(["/cpu:0", "/cpu:1"])
    optimizer = keras.optimizers.SGD(learning_rate)
    with strategy.scope():
        model = build_model()
        model.compile(optimizer=optimizer, loss="mse")
    model.fit(x, y, epochs=epochs, batch_size=batch_size, shuffle=False, verbose=0)
    return model.get_weights()


@mistake("I passed the per-replica batch (batch_size // replicas) to fit, so the global batch is halved "
         "and there are twice as many steps", replaces="fit_mirrored")
def fit_per_replica_batch(build_model, x, y, epochs, batch_size, learning_rate):
    cpu = tf.config.list_physical_devices("CPU")[0]
    tf.config.set_logical_device_configuration(
        cpu, [tf.config.LogicalDeviceConfiguration(), tf.config.LogicalDeviceConfiguration()])
    strategy = tf.distribute.MirroredStrategy(["/cpu:0", "/cpu:1"])
    with strategy.scope():
        model = build_model()
        model.compile(optimizer=keras.optimizers.SGD(learning_rate), loss="mse")
    per_replica = batch_size // strategy.num_replicas_in_sync
    model.fit(x, y, epochs=epochs, batch_size=per_replica, shuffle=False, verbose=0)
    return model.get_weights()


@mistake("I treated batch_size as per replica and fed fit batch_size * num_replicas_in_sync (the tutorial's "
         "GLOBAL_BATCH_SIZE)", replaces="fit_mirrored")
def fit_batch_times_replicas(build_model, x, y, epochs, batch_size, learning_rate):
    cpu = tf.config.list_physical_devices("CPU")[0]
    tf.config.set_logical_device_configuration(
        cpu, [tf.config.LogicalDeviceConfiguration(), tf.config.LogicalDeviceConfiguration()])
    strategy = tf.distribute.MirroredStrategy(["/cpu:0", "/cpu:1"])
    with strategy.scope():
        model = build_model()
        model.compile(optimizer=keras.optimizers.SGD(learning_rate), loss="mse")
    global_batch = batch_size * strategy.num_replicas_in_sync
    model.fit(x, y, epochs=epochs, batch_size=global_batch, shuffle=False, verbose=0)
    return model.get_weights()


@mistake("I left fit's shuffle at its default (True), so the batches are not taken in order",
         replaces="fit_mirrored")
def fit_shuffled(build_model, x, y, epochs, batch_size, learning_rate):
    cpu = tf.config.list_physical_devices("CPU")[0]
    tf.config.set_logical_device_configuration(
        cpu, [tf.config.LogicalDeviceConfiguration(), tf.config.LogicalDeviceConfiguration()])
    strategy = tf.distribute.MirroredStrategy(["/cpu:0", "/cpu:1"])
    with strategy.scope():
        model = build_model()
        model.compile(optimizer=keras.optimizers.SGD(learning_rate), loss="mse")
    model.fit(x, y, epochs=epochs, batch_size=batch_size, verbose=0)
    return model.get_weights()


@mistake("I scaled the learning rate by the number of replicas (the 'linear scaling rule'), so the "
         "training no longer matches one device", replaces="fit_mirrored")
def fit_learning_rate_scaled(build_model, x, y, epochs, batch_size, learning_rate):
    cpu = tf.config.list_physical_devices("CPU")[0]
    tf.config.set_logical_device_configuration(
        cpu, [tf.config.LogicalDeviceConfiguration(), tf.config.LogicalDeviceConfiguration()])
    strategy = tf.distribute.MirroredStrategy(["/cpu:0", "/cpu:1"])
    with strategy.scope():
        model = build_model()
        optimizer = keras.optimizers.SGD(learning_rate * strategy.num_replicas_in_sync)
        model.compile(optimizer=optimizer, loss="mse")
    model.fit(x, y, epochs=epochs, batch_size=batch_size, shuffle=False, verbose=0)
    return model.get_weights()


@mistake("I turned on the mixed_bfloat16 policy to speed the CPUs up, so the model does not train in "
         "float32", replaces="fit_mirrored")
def fit_mixed_precision(build_model, x, y, epochs, batch_size, learning_rate):
    cpu = tf.config.list_physical_devices("CPU")[0]
    tf.config.set_logical_device_configuration(
        cpu, [tf.config.LogicalDeviceConfiguration(), tf.config.LogicalDeviceConfiguration()])
    keras.mixed_precision.set_dtype_policy("mixed_bfloat16")
    strategy = tf.distribute.MirroredStrategy(["/cpu:0", "/cpu:1"])
    with strategy.scope():
        model = build_model()
        model.compile(optimizer=keras.optimizers.SGD(learning_rate), loss="mse")
    model.fit(x, y, epochs=epochs, batch_size=batch_size, shuffle=False, verbose=0)
    return model.get_weights()


@mistake("I set steps_per_execution=2 in compile to cut the per-step overhead", replaces="fit_mirrored")
def fit_steps_per_execution(build_model, x, y, epochs, batch_size, learning_rate):
    cpu = tf.config.list_physical_devices("CPU")[0]
    tf.config.set_logical_device_configuration(
        cpu, [tf.config.LogicalDeviceConfiguration(), tf.config.LogicalDeviceConfiguration()])
    strategy = tf.distribute.MirroredStrategy(["/cpu:0", "/cpu:1"])
    with strategy.scope():
        model = build_model()
        model.compile(optimizer=keras.optimizers.SGD(learning_rate), loss="mse",
                      steps_per_execution=2)
    model.fit(x, y, epochs=epochs, batch_size=batch_size, shuffle=False, verbose=0)
    return model.get_weights()


@mistake("I kept a validation_split=0.2 out of habit, so the model trains on only 80% of x, y",
         replaces="fit_mirrored")
def fit_with_validation_split(build_model, x, y, epochs, batch_size, learning_rate):
    cpu = tf.config.list_physical_devices("CPU")[0]
    tf.config.set_logical_device_configuration(
        cpu, [tf.config.LogicalDeviceConfiguration(), tf.config.LogicalDeviceConfiguration()])
    strategy = tf.distribute.MirroredStrategy(["/cpu:0", "/cpu:1"])
    with strategy.scope():
        model = build_model()
        model.compile(optimizer=keras.optimizers.SGD(learning_rate), loss="mse")
    model.fit(x, y, epochs=epochs, batch_size=batch_size, shuffle=False, validation_split=0.2,
              verbose=0)
    return model.get_weights()


@mistake("I returned model.weights (the Keras variables) instead of model.get_weights() (NumPy arrays)",
         replaces="fit_mirrored")
def fit_returns_variables(build_model, x, y, epochs, batch_size, learning_rate):
    cpu = tf.config.list_physical_devices("CPU")[0]
    tf.config.set_logical_device_configuration(
        cpu, [tf.config.LogicalDeviceConfiguration(), tf.config.LogicalDeviceConfiguration()])
    strategy = tf.distribute.MirroredStrategy(["/cpu:0", "/cpu:1"])
    with strategy.scope():
        model = build_model()
        model.compile(optimizer=keras.optimizers.SGD(learning_rate), loss="mse")
    model.fit(x, y, epochs=epochs, batch_size=batch_size, shuffle=False, verbose=0)
    return list(model.weights)
