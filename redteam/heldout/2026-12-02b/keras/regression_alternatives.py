"""Blind red team: correct alternative answers for kata keras/regression."""
import keras
import numpy as np
from katas._support.mistakes import alternative


@alternative("functional API: keras.Model(inputs, outputs)", replaces="build_regressor")
def functional_regressor():
    inputs = keras.Input(shape=(1,))
    outputs = keras.layers.Dense(1)(inputs)
    return keras.Model(inputs, outputs)


@alternative("empty Sequential filled with add(), activation=None and use_bias=True spelled out",
             replaces="build_regressor")
def sequential_add_regressor():
    model = keras.Sequential()
    model.add(keras.Input(shape=(1,)))
    model.add(keras.layers.Dense(units=1, activation=None, use_bias=True))
    return model


@alternative("loss object MeanSquaredError(), positional learning rate, no shuffling, keyword x/y",
             replaces="train_regressor")
def train_with_loss_object(model, hours, scores, epochs=25):
    model.compile(optimizer=keras.optimizers.Adam(1.0), loss=keras.losses.MeanSquaredError())
    return model.fit(x=hours, y=scores, batch_size=1, epochs=epochs, shuffle=False, verbose=0)


@alternative("loss spelled 'mean_squared_error', optimizer built first, History kept in a variable",
             replaces="train_regressor")
def train_with_long_loss_name(model, hours, scores, epochs=25):
    optimizer = keras.optimizers.Adam(learning_rate=1.0)
    model.compile(loss="mean_squared_error", optimizer=optimizer)
    history = model.fit(hours, scores, epochs=epochs, batch_size=1, verbose=0)
    return history


@alternative("float32 batch and .item() on the predicted (1, 1) array", replaces="predict_score")
def predict_with_item(model, hours):
    batch = np.array([[hours]], dtype=np.float32)
    return model.predict(batch, verbose=0).item()


@alternative("calls the model directly (no predict) and converts with keras.ops.convert_to_numpy",
             replaces="predict_score")
def predict_by_calling(model, hours):
    output = model(np.array([[hours]]), training=False)
    return float(keras.ops.convert_to_numpy(output)[0, 0])
