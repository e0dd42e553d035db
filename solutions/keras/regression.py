"""Reference answer of kata keras/regression."""

import keras
import numpy as np


def build_regressor() -> keras.Model:
    return keras.Sequential([keras.Input(shape=(1,)), keras.layers.Dense(1)])


def train_regressor(model: keras.Model, hours: np.ndarray, scores: np.ndarray, epochs: int = 25) -> keras.callbacks.History:
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=1.0), loss="mse")
    return model.fit(hours.reshape(-1, 1), scores, epochs=epochs, batch_size=1, verbose=0)


def predict_score(model: keras.Model, hours: float) -> float:
    return float(model.predict(np.array([[hours]], dtype="float32"), verbose=0)[0, 0])
