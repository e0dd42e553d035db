"""Named mistakes of kata scale/mirrored."""

import keras
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
