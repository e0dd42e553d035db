"""Reference answer of kata keras/cnn."""

import keras
from keras import layers


def build_cnn() -> keras.Model:
    return keras.Sequential([
        keras.Input(shape=(28, 28, 1)),
        layers.Conv2D(32, 3, padding="same", activation="relu"), layers.MaxPooling2D(2),  # 28 -> 14
        layers.Conv2D(64, 3, padding="same", activation="relu"), layers.MaxPooling2D(2),  # 14 -> 7
        layers.Flatten(), layers.Dense(128, activation="relu"), layers.Dense(10),
    ])
