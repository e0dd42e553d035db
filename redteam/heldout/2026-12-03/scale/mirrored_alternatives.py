"""Blind red team: correct answers in other styles for kata scale/mirrored."""
import keras
import numpy as np
import tensorflow as tf

from katas._support.mistakes import alternative


@alternative("fit on a tf.data.Dataset of (x, y) batched by the global batch_size, unshuffled "
             "(the docstring calls it the same)", replaces="fit_mirrored")
def fit_on_a_dataset(build_model, x, y, epochs, batch_size, learning_rate):
    cpu = tf.config.list_physical_devices("CPU")[0]
    tf.config.set_logical_device_configuration(cpu, [tf.config.LogicalDeviceConfiguration()] * 2)
    strategy = tf.distribute.MirroredStrategy(devices=["/cpu:0", "/cpu:1"])
    with strategy.scope():
        model = build_model()
        model.compile(optimizer=keras.optimizers.SGD(learning_rate=learning_rate), loss="mse")
    dataset = tf.data.Dataset.from_tensor_slices((x, y)).batch(batch_size)
    model.fit(dataset, epochs=epochs, verbose=0)
    return model.get_weights()


@alternative("device names read back with tf.config.list_logical_devices after the split "
             "('/device:CPU:0', '/device:CPU:1'), fit called inside the scope",
             replaces="fit_mirrored")
def names_from_list_logical_devices(build_model, x, y, epochs, batch_size, learning_rate):
    physical = tf.config.list_physical_devices("CPU")
    tf.config.set_logical_device_configuration(
        physical[0], [tf.config.LogicalDeviceConfiguration(), tf.config.LogicalDeviceConfiguration()])
    names = [device.name for device in tf.config.list_logical_devices("CPU")]
    strategy = tf.distribute.MirroredStrategy(names)
    with strategy.scope():
        model = build_model()
        optimizer = keras.optimizers.SGD(learning_rate)
        model.compile(optimizer=optimizer, loss="mse")
        model.fit(x, y, batch_size=batch_size, epochs=epochs, shuffle=False, verbose=0)
    return list(model.get_weights())


@alternative("full device names '/job:localhost/replica:0/task:0/device:CPU:N', the loss as a "
             "keras.losses.MeanSquaredError() object, and one fit per epoch",
             replaces="fit_mirrored")
def full_names_loss_object_epoch_loop(build_model, x, y, epochs, batch_size, learning_rate):
    cpu = tf.config.list_physical_devices("CPU")[0]
    tf.config.set_logical_device_configuration(cpu, [tf.config.LogicalDeviceConfiguration() for _ in range(2)])
    strategy = tf.distribute.MirroredStrategy(
        [f"/job:localhost/replica:0/task:0/device:CPU:{i}" for i in range(2)])
    with strategy.scope():
        model = build_model()
        model.compile(optimizer=keras.optimizers.SGD(learning_rate), loss=keras.losses.MeanSquaredError())
    for _ in range(epochs):
        model.fit(x, y, batch_size=batch_size, epochs=1, shuffle=False, verbose=0)
    return [np.asarray(w) for w in model.get_weights()]
