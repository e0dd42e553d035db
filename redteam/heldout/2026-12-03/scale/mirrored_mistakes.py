"""Blind red team: wrong answers for kata scale/mirrored."""
import keras
import numpy as np
import tensorflow as tf

from katas._support.mistakes import mistake


@mistake("I split the CPU into 4 logical devices ('more can't hurt') and mirrored over the first "
         "two: the docstring asks for exactly 2 logical CPUs", replaces="fit_mirrored")
def four_logical_cpus(build_model, x, y, epochs, batch_size, learning_rate):
    cpu = tf.config.list_physical_devices("CPU")[0]
    tf.config.set_logical_device_configuration(cpu, [tf.config.LogicalDeviceConfiguration() for _ in range(4)])
    strategy = tf.distribute.MirroredStrategy(["/cpu:0", "/cpu:1"])
    with strategy.scope():
        model = build_model()
        model.compile(optimizer=keras.optimizers.SGD(learning_rate), loss="mse")
    model.fit(x, y, epochs=epochs, batch_size=batch_size, shuffle=False, verbose=0)
    return model.get_weights()


@mistake("I built the model before entering strategy.scope() and only compiled inside it: its "
         "variables are ordinary, not mirrored", replaces="fit_mirrored")
def model_built_outside_the_scope(build_model, x, y, epochs, batch_size, learning_rate):
    cpu = tf.config.list_physical_devices("CPU")[0]
    tf.config.set_logical_device_configuration(cpu, [tf.config.LogicalDeviceConfiguration(),
                                                     tf.config.LogicalDeviceConfiguration()])
    strategy = tf.distribute.MirroredStrategy(["/cpu:0", "/cpu:1"])
    model = build_model()
    with strategy.scope():
        model.compile(optimizer=keras.optimizers.SGD(learning_rate), loss="mse")
    model.fit(x, y, epochs=epochs, batch_size=batch_size, shuffle=False, verbose=0)
    return model.get_weights()


@mistake("I made the SGD optimizer before the scope and passed it in: its variables (iteration "
         "counter, learning rate) are not mirrored", replaces="fit_mirrored")
def optimizer_made_outside_the_scope(build_model, x, y, epochs, batch_size, learning_rate):
    cpu = tf.config.list_physical_devices("CPU")[0]
    tf.config.set_logical_device_configuration(cpu, [tf.config.LogicalDeviceConfiguration(),
                                                     tf.config.LogicalDeviceConfiguration()])
    strategy = tf.distribute.MirroredStrategy(["/cpu:0", "/cpu:1"])
    optimizer = keras.optimizers.SGD(learning_rate)
    with strategy.scope():
        model = build_model()
        model.compile(optimizer=optimizer, loss="mse")
    model.fit(x, y, epochs=epochs, batch_size=batch_size, shuffle=False, verbose=0)
    return model.get_weights()


@mistake("I passed batch_size // 2 to fit, thinking fit takes the per-replica batch: the global "
         "batch is halved, twice as many steps", replaces="fit_mirrored")
def per_replica_batch_given_to_fit(build_model, x, y, epochs, batch_size, learning_rate):
    cpu = tf.config.list_physical_devices("CPU")[0]
    tf.config.set_logical_device_configuration(cpu, [tf.config.LogicalDeviceConfiguration(),
                                                     tf.config.LogicalDeviceConfiguration()])
    strategy = tf.distribute.MirroredStrategy(["/cpu:0", "/cpu:1"])
    with strategy.scope():
        model = build_model()
        model.compile(optimizer=keras.optimizers.SGD(learning_rate), loss="mse")
    model.fit(x, y, epochs=epochs, batch_size=batch_size // 2, shuffle=False, verbose=0)
    return model.get_weights()


@mistake("I multiplied the batch by the number of replicas (batch_size * 2) so that each "
         "replica gets batch_size: the global batch is doubled", replaces="fit_mirrored")
def batch_scaled_by_replicas(build_model, x, y, epochs, batch_size, learning_rate):
    cpu = tf.config.list_physical_devices("CPU")[0]
    tf.config.set_logical_device_configuration(cpu, [tf.config.LogicalDeviceConfiguration(),
                                                     tf.config.LogicalDeviceConfiguration()])
    strategy = tf.distribute.MirroredStrategy(["/cpu:0", "/cpu:1"])
    with strategy.scope():
        model = build_model()
        model.compile(optimizer=keras.optimizers.SGD(learning_rate), loss="mse")
    model.fit(x, y, epochs=epochs, batch_size=batch_size * strategy.num_replicas_in_sync,
              shuffle=False, verbose=0)
    return model.get_weights()


@mistake("I left fit's shuffle at its default (True): the batches are not taken in order",
         replaces="fit_mirrored")
def shuffled_batches(build_model, x, y, epochs, batch_size, learning_rate):
    cpu = tf.config.list_physical_devices("CPU")[0]
    tf.config.set_logical_device_configuration(cpu, [tf.config.LogicalDeviceConfiguration(),
                                                     tf.config.LogicalDeviceConfiguration()])
    strategy = tf.distribute.MirroredStrategy(["/cpu:0", "/cpu:1"])
    with strategy.scope():
        model = build_model()
        model.compile(optimizer=keras.optimizers.SGD(learning_rate), loss="mse")
    model.fit(x, y, epochs=epochs, batch_size=batch_size, verbose=0)
    return model.get_weights()


@mistake("I split the CPU in two but named only '/cpu:0' in the strategy: one replica, "
         "num_replicas_in_sync == 1 (the weights are right, the training is not distributed)",
         replaces="fit_mirrored")
def one_replica_only(build_model, x, y, epochs, batch_size, learning_rate):
    cpu = tf.config.list_physical_devices("CPU")[0]
    tf.config.set_logical_device_configuration(cpu, [tf.config.LogicalDeviceConfiguration(),
                                                     tf.config.LogicalDeviceConfiguration()])
    strategy = tf.distribute.MirroredStrategy(["/cpu:0"])
    with strategy.scope():
        model = build_model()
        model.compile(optimizer=keras.optimizers.SGD(learning_rate), loss="mse")
    model.fit(x, y, epochs=epochs, batch_size=batch_size, shuffle=False, verbose=0)
    return model.get_weights()


@mistake("I first looked at tf.config.list_logical_devices('CPU') to split only if needed: that "
         "initialises the devices, and the split then raises RuntimeError", replaces="fit_mirrored")
def devices_listed_before_the_split(build_model, x, y, epochs, batch_size, learning_rate):
    if len(tf.config.list_logical_devices("CPU")) < 2:
        cpu = tf.config.list_physical_devices("CPU")[0]
        tf.config.set_logical_device_configuration(cpu, [tf.config.LogicalDeviceConfiguration(),
                                                         tf.config.LogicalDeviceConfiguration()])
    strategy = tf.distribute.MirroredStrategy(["/cpu:0", "/cpu:1"])
    with strategy.scope():
        model = build_model()
        model.compile(optimizer=keras.optimizers.SGD(learning_rate), loss="mse")
    model.fit(x, y, epochs=epochs, batch_size=batch_size, shuffle=False, verbose=0)
    return model.get_weights()


@mistake("I returned model.trainable_variables (the mirrored variables themselves) instead of "
         "model.get_weights(), a list of NumPy arrays", replaces="fit_mirrored")
def variables_instead_of_arrays(build_model, x, y, epochs, batch_size, learning_rate):
    cpu = tf.config.list_physical_devices("CPU")[0]
    tf.config.set_logical_device_configuration(cpu, [tf.config.LogicalDeviceConfiguration(),
                                                     tf.config.LogicalDeviceConfiguration()])
    strategy = tf.distribute.MirroredStrategy(["/cpu:0", "/cpu:1"])
    with strategy.scope():
        model = build_model()
        model.compile(optimizer=keras.optimizers.SGD(learning_rate), loss="mse")
    model.fit(x, y, epochs=epochs, batch_size=batch_size, shuffle=False, verbose=0)
    return list(model.trainable_variables)


@mistake("I set steps_per_execution=2 in compile to speed it up (more than 1 fails under this "
         "strategy)", replaces="fit_mirrored")
def several_steps_per_execution(build_model, x, y, epochs, batch_size, learning_rate):
    cpu = tf.config.list_physical_devices("CPU")[0]
    tf.config.set_logical_device_configuration(cpu, [tf.config.LogicalDeviceConfiguration(),
                                                     tf.config.LogicalDeviceConfiguration()])
    strategy = tf.distribute.MirroredStrategy(["/cpu:0", "/cpu:1"])
    with strategy.scope():
        model = build_model()
        model.compile(optimizer=keras.optimizers.SGD(learning_rate), loss="mse", steps_per_execution=2)
    model.fit(x, y, epochs=epochs, batch_size=batch_size, shuffle=False, verbose=0)
    return model.get_weights()


@mistake("I turned on the 'mixed_bfloat16' policy before building, to make the replicas "
         "faster: the docstring asks for float32 training, no dtype policy", replaces="fit_mirrored")
def mixed_precision_policy(build_model, x, y, epochs, batch_size, learning_rate):
    cpu = tf.config.list_physical_devices("CPU")[0]
    tf.config.set_logical_device_configuration(cpu, [tf.config.LogicalDeviceConfiguration(),
                                                     tf.config.LogicalDeviceConfiguration()])
    strategy = tf.distribute.MirroredStrategy(["/cpu:0", "/cpu:1"])
    keras.mixed_precision.set_dtype_policy("mixed_bfloat16")
    with strategy.scope():
        model = build_model()
        model.compile(optimizer=keras.optimizers.SGD(learning_rate), loss="mse")
    model.fit(x, y, epochs=epochs, batch_size=batch_size, shuffle=False, verbose=0)
    return [np.asarray(w, dtype=np.float32) for w in model.get_weights()]


@mistake("I held out a quarter of the data with validation_split=0.25 to watch val_loss: the "
         "model trains on only part of x", replaces="fit_mirrored")
def validation_split_held_out(build_model, x, y, epochs, batch_size, learning_rate):
    cpu = tf.config.list_physical_devices("CPU")[0]
    tf.config.set_logical_device_configuration(cpu, [tf.config.LogicalDeviceConfiguration(),
                                                     tf.config.LogicalDeviceConfiguration()])
    strategy = tf.distribute.MirroredStrategy(["/cpu:0", "/cpu:1"])
    with strategy.scope():
        model = build_model()
        model.compile(optimizer=keras.optimizers.SGD(learning_rate), loss="mse")
    model.fit(x, y, epochs=epochs, batch_size=batch_size, shuffle=False, validation_split=0.25, verbose=0)
    return model.get_weights()
