"""Named mistakes of kata scale/mirrored."""

import keras
import numpy as np
import tensorflow as tf

from katas._support.mistakes import mistake


def _two_cpus() -> None:
    cpu = tf.config.list_physical_devices("CPU")[0]
    tf.config.set_logical_device_configuration(cpu, [tf.config.LogicalDeviceConfiguration()] * 2)


@mistake("MirroredStrategy() without splitting the CPU: on a machine without GPUs it mirrors over one CPU only",
         replaces="fit_mirrored")
def one_cpu(build_model, x, y, epochs, batch_size, learning_rate):
    strategy = tf.distribute.MirroredStrategy()
    with strategy.scope():
        model = build_model()
        model.compile(optimizer=keras.optimizers.SGD(learning_rate), loss="mse")
    model.fit(x, y, epochs=epochs, batch_size=batch_size, shuffle=False, verbose=0)
    return model.get_weights()


@mistake("compiled outside strategy.scope(): the optimizer's variables are not mirrored", replaces="fit_mirrored")
def compiled_outside_the_scope(build_model, x, y, epochs, batch_size, learning_rate):
    _two_cpus()
    strategy = tf.distribute.MirroredStrategy(["/cpu:0", "/cpu:1"])
    with strategy.scope():
        model = build_model()
    model.compile(optimizer=keras.optimizers.SGD(learning_rate), loss="mse")
    model.fit(x, y, epochs=epochs, batch_size=batch_size, shuffle=False, verbose=0)
    return model.get_weights()


@mistake("gave fit the per-replica batch (batch_size // replicas) as if it were the global one", replaces="fit_mirrored")
def per_replica_batch(build_model, x, y, epochs, batch_size, learning_rate):
    _two_cpus()
    strategy = tf.distribute.MirroredStrategy(["/cpu:0", "/cpu:1"])
    with strategy.scope():
        model = build_model()
        model.compile(optimizer=keras.optimizers.SGD(learning_rate), loss="mse")
    model.fit(x, y, epochs=epochs, batch_size=batch_size // strategy.num_replicas_in_sync, shuffle=False, verbose=0)
    return model.get_weights()


@mistake("asked TensorFlow for its logical devices first: configuring them afterwards raises RuntimeError",
         replaces="fit_mirrored")
def configured_after_initialising(build_model, x, y, epochs, batch_size, learning_rate):
    print(tf.config.list_logical_devices("CPU"))
    _two_cpus()
    strategy = tf.distribute.MirroredStrategy(["/cpu:0", "/cpu:1"])
    with strategy.scope():
        model = build_model()
        model.compile(optimizer=keras.optimizers.SGD(learning_rate), loss="mse")
    model.fit(x, y, epochs=epochs, batch_size=batch_size, shuffle=False, verbose=0)
    return model.get_weights()


@mistake("made the SGD optimizer before entering strategy.scope() and passed it to compile inside: its "
         "variables are plain, on one device", replaces="fit_mirrored")
def optimizer_made_before_the_scope(build_model, x, y, epochs, batch_size, learning_rate):
    _two_cpus()
    optimizer = keras.optimizers.SGD(learning_rate)
    strategy = tf.distribute.MirroredStrategy(["/cpu:0", "/cpu:1"])
    with strategy.scope():
        model = build_model()
        model.compile(optimizer=optimizer, loss="mse")
    model.fit(x, y, epochs=epochs, batch_size=batch_size, shuffle=False, verbose=0)
    return model.get_weights()


@mistake("compiled with steps_per_execution=2 to cut the per-step overhead: fails under this strategy",
         replaces="fit_mirrored")
def steps_per_execution_two(build_model, x, y, epochs, batch_size, learning_rate):
    _two_cpus()
    strategy = tf.distribute.MirroredStrategy(["/cpu:0", "/cpu:1"])
    with strategy.scope():
        model = build_model()
        model.compile(optimizer=keras.optimizers.SGD(learning_rate), loss="mse", steps_per_execution=2)
    model.fit(x, y, epochs=epochs, batch_size=batch_size, shuffle=False, verbose=0)
    return model.get_weights()



# Written blind, from the stub alone (red team, 2026-12)


@mistake("thought fit's batch_size is per replica, so passed batch_size * num_replicas as the global batch",
         replaces="fit_mirrored")
def batch_times_replicas(build_model, x, y, epochs, batch_size, learning_rate):
    _two_cpus()
    strategy = tf.distribute.MirroredStrategy(["/cpu:0", "/cpu:1"])
    with strategy.scope():
        model = build_model()
        model.compile(optimizer=keras.optimizers.SGD(learning_rate), loss="mse")
    model.fit(x, y, epochs=epochs, batch_size=batch_size * strategy.num_replicas_in_sync,
              shuffle=False, verbose=0)
    return model.get_weights()


@mistake("forgot shuffle=False, so fit shuffles the samples every epoch", replaces="fit_mirrored")
def default_shuffle(build_model, x, y, epochs, batch_size, learning_rate):
    _two_cpus()
    strategy = tf.distribute.MirroredStrategy(["/cpu:0", "/cpu:1"])
    with strategy.scope():
        model = build_model()
        model.compile(optimizer=keras.optimizers.SGD(learning_rate), loss="mse")
    model.fit(x, y, epochs=epochs, batch_size=batch_size, verbose=0)
    return model.get_weights()


@mistake("halved the learning rate because 'the two replicas add their gradients up'",
         replaces="fit_mirrored")
def lr_divided_by_replicas(build_model, x, y, epochs, batch_size, learning_rate):
    _two_cpus()
    strategy = tf.distribute.MirroredStrategy(["/cpu:0", "/cpu:1"])
    with strategy.scope():
        model = build_model()
        model.compile(optimizer=keras.optimizers.SGD(learning_rate / strategy.num_replicas_in_sync),
                      loss="mse")
    model.fit(x, y, epochs=epochs, batch_size=batch_size, shuffle=False, verbose=0)
    return model.get_weights()


@mistake("scaled the learning rate up by the number of replicas (the 'linear scaling rule')",
         replaces="fit_mirrored")
def lr_times_replicas(build_model, x, y, epochs, batch_size, learning_rate):
    _two_cpus()
    strategy = tf.distribute.MirroredStrategy(["/cpu:0", "/cpu:1"])
    with strategy.scope():
        model = build_model()
        model.compile(optimizer=keras.optimizers.SGD(learning_rate * strategy.num_replicas_in_sync),
                      loss="mse")
    model.fit(x, y, epochs=epochs, batch_size=batch_size, shuffle=False, verbose=0)
    return model.get_weights()


@mistake("compiled with the string 'sgd', which ignores learning_rate (default 0.01)",
         replaces="fit_mirrored")
def sgd_string_default_lr(build_model, x, y, epochs, batch_size, learning_rate):
    _two_cpus()
    strategy = tf.distribute.MirroredStrategy(["/cpu:0", "/cpu:1"])
    with strategy.scope():
        model = build_model()
        model.compile(optimizer="sgd", loss="mse")
    model.fit(x, y, epochs=epochs, batch_size=batch_size, shuffle=False, verbose=0)
    return model.get_weights()


@mistake("used SGD with momentum=0.9 out of habit", replaces="fit_mirrored")
def sgd_with_momentum(build_model, x, y, epochs, batch_size, learning_rate):
    _two_cpus()
    strategy = tf.distribute.MirroredStrategy(["/cpu:0", "/cpu:1"])
    with strategy.scope():
        model = build_model()
        model.compile(optimizer=keras.optimizers.SGD(learning_rate, momentum=0.9), loss="mse")
    model.fit(x, y, epochs=epochs, batch_size=batch_size, shuffle=False, verbose=0)
    return model.get_weights()


@mistake("used a summed MSE (reduction='sum') so the per-replica losses 'add up' across replicas",
         replaces="fit_mirrored")
def mse_sum_reduction(build_model, x, y, epochs, batch_size, learning_rate):
    _two_cpus()
    strategy = tf.distribute.MirroredStrategy(["/cpu:0", "/cpu:1"])
    with strategy.scope():
        model = build_model()
        model.compile(optimizer=keras.optimizers.SGD(learning_rate),
                      loss=keras.losses.MeanSquaredError(reduction="sum"))
    model.fit(x, y, epochs=epochs, batch_size=batch_size, shuffle=False, verbose=0)
    return model.get_weights()


@mistake("used loss='mae' instead of 'mse'", replaces="fit_mirrored")
def mae_loss(build_model, x, y, epochs, batch_size, learning_rate):
    _two_cpus()
    strategy = tf.distribute.MirroredStrategy(["/cpu:0", "/cpu:1"])
    with strategy.scope():
        model = build_model()
        model.compile(optimizer=keras.optimizers.SGD(learning_rate), loss="mae")
    model.fit(x, y, epochs=epochs, batch_size=batch_size, shuffle=False, verbose=0)
    return model.get_weights()


@mistake("off by one: trained for epochs - 1 epochs (thought epoch 0 was already done)",
         replaces="fit_mirrored")
def one_epoch_short(build_model, x, y, epochs, batch_size, learning_rate):
    _two_cpus()
    strategy = tf.distribute.MirroredStrategy(["/cpu:0", "/cpu:1"])
    with strategy.scope():
        model = build_model()
        model.compile(optimizer=keras.optimizers.SGD(learning_rate), loss="mse")
    model.fit(x, y, initial_epoch=1, epochs=epochs, batch_size=batch_size, shuffle=False,
              verbose=0)
    return model.get_weights()


@mistake("called fit(epochs=epochs) inside a 'for epoch in range(epochs)' loop: epochs**2 epochs",
         replaces="fit_mirrored")
def epochs_squared(build_model, x, y, epochs, batch_size, learning_rate):
    _two_cpus()
    strategy = tf.distribute.MirroredStrategy(["/cpu:0", "/cpu:1"])
    with strategy.scope():
        model = build_model()
        model.compile(optimizer=keras.optimizers.SGD(learning_rate), loss="mse")
    for _ in range(epochs):
        model.fit(x, y, epochs=epochs, batch_size=batch_size, shuffle=False, verbose=0)
    return model.get_weights()


@mistake("skipped the logical-device split and named only '/cpu:0' so it would not crash: one replica",
         replaces="fit_mirrored")
def single_replica_no_split(build_model, x, y, epochs, batch_size, learning_rate):
    strategy = tf.distribute.MirroredStrategy(["/cpu:0"])
    with strategy.scope():
        model = build_model()
        model.compile(optimizer=keras.optimizers.SGD(learning_rate), loss="mse")
    model.fit(x, y, epochs=epochs, batch_size=batch_size, shuffle=False, verbose=0)
    return model.get_weights()


@mistake("split the CPU into 4 logical devices 'to be safe' (the spec says exactly 2)",
         replaces="fit_mirrored")
def four_logical_devices(build_model, x, y, epochs, batch_size, learning_rate):
    cpu = tf.config.list_physical_devices("CPU")[0]
    tf.config.set_logical_device_configuration(
        cpu, [tf.config.LogicalDeviceConfiguration() for _ in range(4)])
    strategy = tf.distribute.MirroredStrategy(["/cpu:0", "/cpu:1"])
    with strategy.scope():
        model = build_model()
        model.compile(optimizer=keras.optimizers.SGD(learning_rate), loss="mse")
    model.fit(x, y, epochs=epochs, batch_size=batch_size, shuffle=False, verbose=0)
    return model.get_weights()


@mistake("built the model before entering strategy.scope(), only compile and fit inside it",
         replaces="fit_mirrored")
def build_outside_scope(build_model, x, y, epochs, batch_size, learning_rate):
    _two_cpus()
    strategy = tf.distribute.MirroredStrategy(["/cpu:0", "/cpu:1"])
    model = build_model()
    with strategy.scope():
        model.compile(optimizer=keras.optimizers.SGD(learning_rate), loss="mse")
        model.fit(x, y, epochs=epochs, batch_size=batch_size, shuffle=False, verbose=0)
    return model.get_weights()


@mistake("built outside the scope, then clone_model'd it inside the scope: the clone gets fresh "
         "random weights", replaces="fit_mirrored")
def clone_into_scope(build_model, x, y, epochs, batch_size, learning_rate):
    _two_cpus()
    strategy = tf.distribute.MirroredStrategy(["/cpu:0", "/cpu:1"])
    template = build_model()
    with strategy.scope():
        model = keras.models.clone_model(template)
        model.compile(optimizer=keras.optimizers.SGD(learning_rate), loss="mse")
    model.fit(x, y, epochs=epochs, batch_size=batch_size, shuffle=False, verbose=0)
    return model.get_weights()


@mistake("returned model.weights (the Keras/Mirrored variables) instead of NumPy arrays",
         replaces="fit_mirrored")
def returns_variables(build_model, x, y, epochs, batch_size, learning_rate):
    _two_cpus()
    strategy = tf.distribute.MirroredStrategy(["/cpu:0", "/cpu:1"])
    with strategy.scope():
        model = build_model()
        model.compile(optimizer=keras.optimizers.SGD(learning_rate), loss="mse")
    model.fit(x, y, epochs=epochs, batch_size=batch_size, shuffle=False, verbose=0)
    return model.weights


@mistake("converted the weights to float64 'for precision' before returning", replaces="fit_mirrored")
def returns_float64(build_model, x, y, epochs, batch_size, learning_rate):
    _two_cpus()
    strategy = tf.distribute.MirroredStrategy(["/cpu:0", "/cpu:1"])
    with strategy.scope():
        model = build_model()
        model.compile(optimizer=keras.optimizers.SGD(learning_rate), loss="mse")
    model.fit(x, y, epochs=epochs, batch_size=batch_size, shuffle=False, verbose=0)
    return [w.astype(np.float64) for w in model.get_weights()]


@mistake("returned a tuple of the weights instead of a list", replaces="fit_mirrored")
def returns_tuple(build_model, x, y, epochs, batch_size, learning_rate):
    _two_cpus()
    strategy = tf.distribute.MirroredStrategy(["/cpu:0", "/cpu:1"])
    with strategy.scope():
        model = build_model()
        model.compile(optimizer=keras.optimizers.SGD(learning_rate), loss="mse")
    model.fit(x, y, epochs=epochs, batch_size=batch_size, shuffle=False, verbose=0)
    return tuple(model.get_weights())


@mistake("returned only the trainable kernels, dropping the biases", replaces="fit_mirrored")
def kernels_only(build_model, x, y, epochs, batch_size, learning_rate):
    _two_cpus()
    strategy = tf.distribute.MirroredStrategy(["/cpu:0", "/cpu:1"])
    with strategy.scope():
        model = build_model()
        model.compile(optimizer=keras.optimizers.SGD(learning_rate), loss="mse")
    model.fit(x, y, epochs=epochs, batch_size=batch_size, shuffle=False, verbose=0)
    return [layer.get_weights()[0] for layer in model.layers if layer.get_weights()]


@mistake("turned on mixed_float16 to make the distributed run faster: float16 compute, and the "
         "global policy is left changed", replaces="fit_mirrored")
def mixed_precision_policy(build_model, x, y, epochs, batch_size, learning_rate):
    _two_cpus()
    keras.mixed_precision.set_global_policy("mixed_float16")
    strategy = tf.distribute.MirroredStrategy(["/cpu:0", "/cpu:1"])
    with strategy.scope():
        model = build_model()
        model.compile(optimizer=keras.optimizers.SGD(learning_rate), loss="mse")
    model.fit(x, y, epochs=epochs, batch_size=batch_size, shuffle=False, verbose=0)
    return model.get_weights()


@mistake("cast x and y to float16 to halve the transfer between replicas", replaces="fit_mirrored")
def float16_inputs(build_model, x, y, epochs, batch_size, learning_rate):
    _two_cpus()
    strategy = tf.distribute.MirroredStrategy(["/cpu:0", "/cpu:1"])
    with strategy.scope():
        model = build_model()
        model.compile(optimizer=keras.optimizers.SGD(learning_rate), loss="mse")
    model.fit(x.astype(np.float16), y.astype(np.float16), epochs=epochs, batch_size=batch_size,
              shuffle=False, verbose=0)
    return model.get_weights()


@mistake("custom loop with strategy.run: each replica averages its own half-batch loss, then the "
         "all-reduce SUMS the gradients (twice the single-device step)", replaces="fit_mirrored")
def custom_loop_unscaled_loss(build_model, x, y, epochs, batch_size, learning_rate):
    _two_cpus()
    strategy = tf.distribute.MirroredStrategy(["/cpu:0", "/cpu:1"])
    with strategy.scope():
        model = build_model()
        optimizer = keras.optimizers.SGD(learning_rate)
        model.compile(optimizer=optimizer, loss="mse")
        optimizer.build(model.trainable_variables)
    ds = tf.data.Dataset.from_tensor_slices((x, y)).batch(batch_size)
    dist = strategy.experimental_distribute_dataset(ds)

    @tf.function
    def step(xb, yb):
        def replica_step(xr, yr):
            with tf.GradientTape() as tape:
                loss = tf.reduce_mean(tf.square(model(xr, training=True) - yr))
            grads = tape.gradient(loss, model.trainable_variables)
            optimizer.apply_gradients(zip(grads, model.trainable_variables))
        strategy.run(replica_step, args=(xb, yb))

    for _ in range(epochs):
        for xb, yb in dist:
            step(xb, yb)
    return model.get_weights()


@mistake("copied the multi-GPU tutorial: splits list_physical_devices('GPU')[0] instead of the "
         "first CPU (IndexError without a GPU; on a GPU machine mirrors over GPU halves)",
         replaces="fit_mirrored")
def split_gpu_not_cpu(build_model, x, y, epochs, batch_size, learning_rate):
    gpu = tf.config.list_physical_devices("GPU")[0]
    tf.config.set_logical_device_configuration(
        gpu, [tf.config.LogicalDeviceConfiguration(memory_limit=1024)] * 2)
    strategy = tf.distribute.MirroredStrategy(["/gpu:0", "/gpu:1"])
    with strategy.scope():
        model = build_model()
        model.compile(optimizer=keras.optimizers.SGD(learning_rate), loss="mse")
    model.fit(x, y, epochs=epochs, batch_size=batch_size, shuffle=False, verbose=0)
    return model.get_weights()


@mistake("gave each replica every other sample (x[0::2] then x[1::2]) and fit them one after the "
         "other: the samples are no longer in order", replaces="fit_mirrored")
def interleaved_replica_shards(build_model, x, y, epochs, batch_size, learning_rate):
    _two_cpus()
    strategy = tf.distribute.MirroredStrategy(["/cpu:0", "/cpu:1"])
    with strategy.scope():
        model = build_model()
        model.compile(optimizer=keras.optimizers.SGD(learning_rate), loss="mse")
    for _ in range(epochs):
        for r in range(strategy.num_replicas_in_sync):
            model.fit(x[r::2], y[r::2], epochs=1, batch_size=batch_size, shuffle=False, verbose=0)
    return model.get_weights()


@mistake("left validation_split=0.1 from a template: trains on fewer samples", replaces="fit_mirrored")
def validation_split_left_in(build_model, x, y, epochs, batch_size, learning_rate):
    _two_cpus()
    strategy = tf.distribute.MirroredStrategy(["/cpu:0", "/cpu:1"])
    with strategy.scope():
        model = build_model()
        model.compile(optimizer=keras.optimizers.SGD(learning_rate), loss="mse")
    model.fit(x, y, epochs=epochs, batch_size=batch_size, shuffle=False, validation_split=0.1,
              verbose=0)
    return model.get_weights()


@mistake("tf.data pipeline with .shuffle(len(x)) before batching (the spec says in order)",
         replaces="fit_mirrored")
def dataset_shuffled(build_model, x, y, epochs, batch_size, learning_rate):
    _two_cpus()
    strategy = tf.distribute.MirroredStrategy(["/cpu:0", "/cpu:1"])
    ds = tf.data.Dataset.from_tensor_slices((x, y)).shuffle(len(x)).batch(batch_size)
    with strategy.scope():
        model = build_model()
        model.compile(optimizer=keras.optimizers.SGD(learning_rate), loss="mse")
    model.fit(ds, epochs=epochs, verbose=0)
    return model.get_weights()


@mistake("steps_per_epoch computed from the per-replica batch: a repeated dataset runs twice as "
         "many global steps per epoch", replaces="fit_mirrored")
def steps_per_epoch_per_replica(build_model, x, y, epochs, batch_size, learning_rate):
    _two_cpus()
    strategy = tf.distribute.MirroredStrategy(["/cpu:0", "/cpu:1"])
    ds = tf.data.Dataset.from_tensor_slices((x, y)).batch(batch_size).repeat()
    with strategy.scope():
        model = build_model()
        model.compile(optimizer=keras.optimizers.SGD(learning_rate), loss="mse")
    model.fit(ds, epochs=epochs, steps_per_epoch=len(x) // (batch_size // 2), verbose=0)
    return model.get_weights()


@mistake("returned the weights read before fit (get_weights() called right after compile)",
         replaces="fit_mirrored")
def weights_before_fit(build_model, x, y, epochs, batch_size, learning_rate):
    _two_cpus()
    strategy = tf.distribute.MirroredStrategy(["/cpu:0", "/cpu:1"])
    with strategy.scope():
        model = build_model()
        model.compile(optimizer=keras.optimizers.SGD(learning_rate), loss="mse")
        weights = model.get_weights()
    model.fit(x, y, epochs=epochs, batch_size=batch_size, shuffle=False, verbose=0)
    return weights


# Found by the spec audit (2026-12-03): written from the stub and its tests, where a docstring
# sentence was checked on too few inputs


def _two_cpus():
    cpu = tf.config.list_physical_devices("CPU")[0]
    tf.config.set_logical_device_configuration(cpu, [tf.config.LogicalDeviceConfiguration()] * 2)
    return tf.distribute.MirroredStrategy(["/cpu:0", "/cpu:1"])


@mistake("copied the docstring example's settings: 3 epochs, batch 8, learning rate 0.1", replaces="fit_mirrored")
def docstring_example_settings(build_model, x, y, epochs, batch_size, learning_rate):
    strategy = _two_cpus()
    with strategy.scope():
        model = build_model()
        model.compile(optimizer=keras.optimizers.SGD(0.1), loss="mse")
    model.fit(x, y, epochs=3, batch_size=8, shuffle=False, verbose=0)
    return model.get_weights()


@mistake("gave each replica half of the data: batch_size = len(x) // replicas", replaces="fit_mirrored")
def half_of_the_data_per_batch(build_model, x, y, epochs, batch_size, learning_rate):
    strategy = _two_cpus()
    with strategy.scope():
        model = build_model()
        model.compile(optimizer=keras.optimizers.SGD(learning_rate), loss="mse")
    model.fit(x, y, epochs=epochs, batch_size=len(x) // strategy.num_replicas_in_sync, shuffle=False, verbose=0)
    return model.get_weights()
