package dev.mitosis.engine;

import ai.djl.ndarray.NDArray;

/** The four tensors of one batch norm; γ and β train, the running statistics are buffers. */
record BatchNormParams(NDArray gamma, NDArray beta, NDArray runningMean, NDArray runningVar) {
}
