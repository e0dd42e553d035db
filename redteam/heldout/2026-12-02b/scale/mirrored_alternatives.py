"""Blind red team: correct alternative answers for kata scale/mirrored."""
import keras
import tensorflow as tf

from katas._support.mistakes import alternative


@alternative("feeds fit an unshuffled tf.data.Dataset of (x, y) batched by the global batch_size",
             replaces="fit_mirrored")
def fit_mirrored_dataset(build_model, x, y, epochs, batch_size, learning_rate):
    cpu = tf.config.list_physical_devices("CPU")[0]
    tf.config.set_logical_device_configuration(
        cpu, [tf.config.LogicalDeviceConfiguration(), tf.config.LogicalDeviceConfiguration()])
    strategy = tf.distribute.MirroredStrategy(["/cpu:0", "/cpu:1"])
    with strategy.scope():
        model = build_model()
        model.compile(optimizer=keras.optimizers.SGD(learning_rate), loss="mse")
    dataset = tf.data.Dataset.from_tensor_slices((x, y)).batch(batch_size)
    model.fit(dataset, epochs=epochs, verbose=0)
    return model.get_weights()


@alternative("full device names, keyword-style SGD(learning_rate=...) and a MeanSquaredError loss object "
             "instead of the string 'mse'", replaces="fit_mirrored")
def fit_mirrored_full_names(build_model, x, y, epochs, batch_size, learning_rate):
    physical = tf.config.list_physical_devices("CPU")
    tf.config.set_logical_device_configuration(
        physical[0], [tf.config.LogicalDeviceConfiguration() for _ in range(2)])
    strategy = tf.distribute.MirroredStrategy(devices=[
        "/job:localhost/replica:0/task:0/device:CPU:0",
        "/job:localhost/replica:0/task:0/device:CPU:1",
    ])
    with strategy.scope():
        model = build_model()
        model.compile(optimizer=keras.optimizers.SGD(learning_rate=learning_rate),
                      loss=keras.losses.MeanSquaredError())
    model.fit(x=x, y=y, batch_size=batch_size, epochs=epochs, shuffle=False, verbose=0)
    return model.get_weights()


@alternative("reads the two device names back from tf.config.list_logical_devices after the split",
             replaces="fit_mirrored")
def fit_mirrored_listed_names(build_model, x, y, epochs, batch_size, learning_rate):
    cpu = tf.config.list_physical_devices("CPU")[0]
    tf.config.set_logical_device_configuration(
        cpu, [tf.config.LogicalDeviceConfiguration(), tf.config.LogicalDeviceConfiguration()])
    names = [device.name for device in tf.config.list_logical_devices("CPU")]
    strategy = tf.distribute.MirroredStrategy(names)
    with strategy.scope():
        model = build_model()
        model.compile(optimizer=keras.optimizers.SGD(learning_rate), loss="mse")
    model.fit(x, y, epochs=epochs, batch_size=batch_size, shuffle=False, verbose=0)
    return model.get_weights()


@alternative("calls fit(epochs=1) once per epoch in a loop (plain SGD, no momentum or schedule: the same "
             "training)", replaces="fit_mirrored")
def fit_mirrored_epoch_loop(build_model, x, y, epochs, batch_size, learning_rate):
    cpu = tf.config.list_physical_devices("CPU")[0]
    tf.config.set_logical_device_configuration(
        cpu, [tf.config.LogicalDeviceConfiguration(), tf.config.LogicalDeviceConfiguration()])
    strategy = tf.distribute.MirroredStrategy(["/device:CPU:0", "/device:CPU:1"])
    with strategy.scope():
        model = build_model()
        model.compile(optimizer=keras.optimizers.SGD(learning_rate), loss="mse")
    for _ in range(epochs):
        model.fit(x, y, epochs=1, batch_size=batch_size, shuffle=False, verbose=0)
    return model.get_weights()
