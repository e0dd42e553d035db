"""Named mistakes of kata keras/regression."""

import keras
import numpy as np

from katas._support.mistakes import mistake


@mistake("Keras 2 idiom: input_shape= on the first layer instead of keras.Input", replaces="build_regressor")
def input_shape_argument():
    return keras.Sequential([keras.layers.Dense(1, input_shape=(1,))])


@mistake("returned predict's (1, 1) array instead of a float", replaces="predict_score")
def returned_array(model, hours):
    return model.predict(np.array([[hours]], dtype="float32"), verbose=0)


@mistake("fitted with the default learning rate (0.001): the bias barely moves from 0", replaces="train_regressor")
def default_learning_rate(model, hours, scores, epochs=25):
    model.compile(optimizer="adam", loss="mse")
    return model.fit(hours.reshape(-1, 1), scores, epochs=epochs, batch_size=1, verbose=0)
