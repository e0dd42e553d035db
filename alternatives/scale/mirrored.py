"""Correct alternatives of kata scale/mirrored: other styles the tests must accept."""

import keras
import numpy as np
import tensorflow as tf

from katas._support.mistakes import alternative

# Written blind, from the stub alone (red team, 2026-12)


@alternative("plain reference style: LogicalDeviceConfiguration list, named devices, fit on arrays",
             replaces="fit_mirrored")
def alt_reference(build_model, x, y, epochs, batch_size, learning_rate):
    cpu = tf.config.list_physical_devices("CPU")[0]
    tf.config.set_logical_device_configuration(
        cpu, [tf.config.LogicalDeviceConfiguration(), tf.config.LogicalDeviceConfiguration()])
    strategy = tf.distribute.MirroredStrategy(["/cpu:0", "/cpu:1"])
    with strategy.scope():
        model = build_model()
        model.compile(optimizer=keras.optimizers.SGD(learning_rate), loss="mse")
    model.fit(x, y, epochs=epochs, batch_size=batch_size, shuffle=False, verbose=0)
    return model.get_weights()


@alternative("older experimental alias set_virtual_device_configuration, device names read back "
             "from list_logical_devices ('/device:CPU:0' ...), loss object instead of string",
             replaces="fit_mirrored")
def alt_virtual_devices_loss_object(build_model, x, y, epochs, batch_size, learning_rate):
    cpus = tf.config.experimental.list_physical_devices("CPU")
    tf.config.experimental.set_virtual_device_configuration(
        cpus[0], [tf.config.experimental.VirtualDeviceConfiguration() for _ in range(2)])
    names = [d.name for d in tf.config.list_logical_devices("CPU")]
    strategy = tf.distribute.MirroredStrategy(devices=names[:2])
    assert strategy.num_replicas_in_sync == 2
    with strategy.scope():
        model = build_model()
        model.compile(optimizer=keras.optimizers.SGD(learning_rate=learning_rate),
                      loss=keras.losses.MeanSquaredError())
    model.fit(x, y, epochs=epochs, batch_size=batch_size, shuffle=False, verbose=0)
    return model.get_weights()


@alternative("feeds fit a tf.data.Dataset batched with the GLOBAL batch; fit called inside the scope",
             replaces="fit_mirrored")
def alt_tf_data_dataset(build_model, x, y, epochs, batch_size, learning_rate):
    cpu = tf.config.list_physical_devices("CPU")[0]
    tf.config.set_logical_device_configuration(cpu, [tf.config.LogicalDeviceConfiguration()] * 2)
    strategy = tf.distribute.MirroredStrategy(devices=["/cpu:0", "/cpu:1"])
    ds = tf.data.Dataset.from_tensor_slices((x, y)).batch(batch_size)
    with strategy.scope():
        model = build_model()
        model.compile(keras.optimizers.SGD(learning_rate), "mean_squared_error")
        model.fit(ds, epochs=epochs, verbose=0)
    return model.get_weights()


@alternative("one fit(epochs=1) call per epoch in a Python loop, explicit cross-device op, "
             "weights read as [v.numpy() for v in model.weights]", replaces="fit_mirrored")
def alt_epoch_loop_explicit_allreduce(build_model, x, y, epochs, batch_size, learning_rate):
    [cpu] = tf.config.list_physical_devices("CPU")[:1]
    tf.config.set_logical_device_configuration(
        cpu, [tf.config.LogicalDeviceConfiguration(), tf.config.LogicalDeviceConfiguration()])
    strategy = tf.distribute.MirroredStrategy(
        devices=["/device:CPU:0", "/device:CPU:1"],
        cross_device_ops=tf.distribute.ReductionToOneDevice())
    with strategy.scope():
        model = build_model()
        model.compile(optimizer=keras.optimizers.SGD(learning_rate), loss="mse")
    for _ in range(epochs):
        model.fit(x, y, epochs=1, batch_size=batch_size, shuffle=False, verbose=0)
    return [np.asarray(v.numpy(), dtype=np.float32) for v in model.weights]


@alternative("per-replica batch computed from num_replicas_in_sync and multiplied back; "
             "initial_epoch/epochs form", replaces="fit_mirrored")
def alt_per_replica_arithmetic(build_model, x, y, epochs, batch_size, learning_rate):
    physical = tf.config.list_physical_devices("CPU")
    tf.config.set_logical_device_configuration(
        physical[0], [tf.config.LogicalDeviceConfiguration() for _ in range(2)])
    strategy = tf.distribute.MirroredStrategy(["/cpu:0", "/cpu:1"])
    per_replica = batch_size // strategy.num_replicas_in_sync
    with strategy.scope():
        model = build_model()
        model.compile(optimizer=keras.optimizers.SGD(learning_rate), loss="mse")
    model.fit(x, y, batch_size=per_replica * strategy.num_replicas_in_sync, initial_epoch=0,
              epochs=epochs, shuffle=False, verbose=0)
    return list(model.get_weights())


@alternative("HierarchicalCopyAllReduce cross-device op and a pre-batched Dataset with "
             "drop_remainder and prefetch", replaces="fit_mirrored")
def alt_hierarchical_prefetch(build_model, x, y, epochs, batch_size, learning_rate):
    cpu = tf.config.list_physical_devices("CPU")[0]
    tf.config.set_logical_device_configuration(cpu, [tf.config.LogicalDeviceConfiguration(),
                                                     tf.config.LogicalDeviceConfiguration()])
    strategy = tf.distribute.MirroredStrategy(
        ["/cpu:0", "/cpu:1"], cross_device_ops=tf.distribute.HierarchicalCopyAllReduce())
    ds = (tf.data.Dataset.from_tensor_slices((x, y))
          .batch(batch_size, drop_remainder=True).prefetch(tf.data.AUTOTUNE))
    with strategy.scope():
        model = build_model()
        model.compile(loss="mse", optimizer=keras.optimizers.SGD(learning_rate))
    model.fit(ds, epochs=epochs, verbose=0)
    return model.get_weights()


@alternative("MirroredStrategy() with no device list after the split: with the GPUs hidden (as the tests "
             "do) it takes both logical CPUs", replaces="fit_mirrored")
def strategy_without_device_names(build_model, x, y, epochs, batch_size, learning_rate):
    cpu = tf.config.list_physical_devices("CPU")[0]
    tf.config.set_logical_device_configuration(
        cpu, [tf.config.LogicalDeviceConfiguration(), tf.config.LogicalDeviceConfiguration()])
    strategy = tf.distribute.MirroredStrategy()
    with strategy.scope():
        model = build_model()
        model.compile(optimizer=keras.optimizers.SGD(learning_rate), loss="mse")
    model.fit(x, y, epochs=epochs, batch_size=batch_size, shuffle=False, verbose=0)
    return model.get_weights()


@alternative("hand-written strategy.run loop over a distributed Dataset, each replica's loss scaled by the "
             "GLOBAL batch (tf.nn.compute_average_loss); model compiled in the scope all the same",
             replaces="fit_mirrored")
def custom_strategy_run_loop(build_model, x, y, epochs, batch_size, learning_rate):
    cpu = tf.config.list_physical_devices("CPU")[0]
    tf.config.set_logical_device_configuration(cpu, [tf.config.LogicalDeviceConfiguration()] * 2)
    strategy = tf.distribute.MirroredStrategy(["/cpu:0", "/cpu:1"])
    with strategy.scope():
        model = build_model()
        model.compile(optimizer=keras.optimizers.SGD(learning_rate), loss="mse")
        optimizer = model.optimizer
        optimizer.build(model.trainable_variables)
    batches = strategy.experimental_distribute_dataset(
        tf.data.Dataset.from_tensor_slices((x, y)).batch(batch_size))

    @tf.function
    def step(xb, yb):
        def replica_step(xr, yr):
            with tf.GradientTape() as tape:
                per_sample = tf.reduce_mean(tf.square(model(xr, training=True) - yr), axis=-1)
                loss = tf.nn.compute_average_loss(per_sample, global_batch_size=batch_size)
            grads = tape.gradient(loss, model.trainable_variables)
            optimizer.apply_gradients(zip(grads, model.trainable_variables))

        strategy.run(replica_step, args=(xb, yb))

    for _ in range(epochs):
        for xb, yb in batches:
            step(xb, yb)
    return model.get_weights()
