package dev.mitosis.weights;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A network's parameters and buffers by state_dict name, in a fixed order (the order of
 * {@link WeightLayout}; it is the order the safetensors file lists them). Immutable.
 */
public final class Weights {

    private final Map<String, Tensor> tensors;

    public Weights(Map<String, Tensor> tensors) {
        this.tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
    }

    public Tensor get(String name) {
        Tensor t = tensors.get(name);
        if (t == null) {
            throw new IllegalArgumentException("no tensor named " + name);
        }
        return t;
    }

    public Optional<Tensor> find(String name) {
        return Optional.ofNullable(tensors.get(name));
    }

    public List<String> names() {
        return List.copyOf(tensors.keySet());
    }

    public Map<String, Tensor> asMap() {
        return tensors;
    }

    public int size() {
        return tensors.size();
    }

    /** Copy with one tensor replaced or added (added ones go last). */
    public Weights with(String name, Tensor tensor) {
        Map<String, Tensor> copy = new LinkedHashMap<>(tensors);
        copy.put(name, tensor);
        return new Weights(copy);
    }

    /** Copy with every float tensor in {@code dtype}. */
    public Weights cast(DType dtype) {
        Map<String, Tensor> copy = new LinkedHashMap<>();
        tensors.forEach((k, v) -> copy.put(k, v.dtype().isFloat() ? v.cast(dtype) : v));
        return new Weights(copy);
    }

    /** The float dtype of the parameters (F32 unless the model was built for float64 checks). */
    public DType floatType() {
        return tensors.values().stream().map(Tensor::dtype).filter(DType::isFloat).findFirst().orElse(DType.F32);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Weights w && w.tensors.equals(tensors);
    }

    @Override
    public int hashCode() {
        return tensors.hashCode();
    }
}
