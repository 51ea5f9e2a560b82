package dev.mitosis.app.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;

/**
 * Hands items from background threads to the FX thread in batches: producers {@link #offer} from any
 * thread into a lock-free queue, and one {@link AnimationTimer} drains everything queued once per pulse
 * and passes it to the consumer as one list. However fast the producer, the FX thread sees at most one
 * batch per frame and never a {@code runLater} per item.
 *
 * <p>{@link #start()} and {@link #stop()} are called on the FX thread; the timer runs only while a
 * producer is active, so an idle window costs no pulses.
 */
public final class FxBatcher<T> {

    private final Queue<T> queue = new ConcurrentLinkedQueue<>();
    private final Consumer<List<T>> consumer;
    private final Runnable afterPulse;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            drain();
            afterPulse.run();
        }
    };
    private boolean running;

    public FxBatcher(Consumer<List<T>> consumer) {
        this(consumer, () -> { });
    }

    /** @param afterPulse runs after every pulse's drain (even an empty one), e.g. to flush throttled state */
    public FxBatcher(Consumer<List<T>> consumer, Runnable afterPulse) {
        this.consumer = consumer;
        this.afterPulse = afterPulse;
    }

    /** Queues an item; safe from any thread. */
    public void offer(T item) {
        queue.add(item);
    }

    /** Starts draining once per pulse. FX thread. */
    public void start() {
        if (!running) {
            running = true;
            timer.start();
        }
    }

    /** Drains what is queued now and stops the timer. FX thread. */
    public void stop() {
        if (running) {
            running = false;
            timer.stop();
        }
        drain();
    }

    /** Passes everything queued so far to the consumer, as one batch. FX thread. */
    public void drain() {
        if (queue.isEmpty()) {
            return;
        }
        List<T> batch = new ArrayList<>();
        T item;
        while ((item = queue.poll()) != null) {
            batch.add(item);
        }
        consumer.accept(batch);
    }
}
