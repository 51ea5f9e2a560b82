package dev.mitosis.weights;

/** Element types Mitosis stores, named as in the safetensors header. */
public enum DType {
    F32(4), F64(8), I64(8);

    private final int bytes;

    DType(int bytes) {
        this.bytes = bytes;
    }

    public int bytes() {
        return bytes;
    }

    public boolean isFloat() {
        return this != I64;
    }
}
