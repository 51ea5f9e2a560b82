package dev.mitosis.data;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The image-classification sets Mitosis reads, by their {@code --data} name: what the classes are
 * called, how the files are laid out, and which augmentation keeps their labels true. Everything that
 * differs between the sets lives here, so readers, lookup and augmentation stay free of per-set cases.
 *
 * <p>Crop padding follows the usual recipes: 4 pixels on 32×32 CIFAR images (He et al. 2016), 2 pixels
 * on 28×28 Fashion-MNIST and MNIST. A horizontal flip keeps the label of a shirt or a truck but not of
 * a digit, so MNIST is never flipped.
 */
public enum KnownDataset {
    FASHION_MNIST("fashion-mnist", Format.IDX, 2, true,
            "install the Debian package: apt-get install dataset-fashion-mnist, or unpack the four IDX files"
                    + " from https://github.com/zalandoresearch/fashion-mnist into ~/.mitosis/datasets/fashion-mnist",
            "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"),
    MNIST("mnist", Format.IDX, 2, false,
            "put the four IDX files from https://yann.lecun.com/exdb/mnist/ into ~/.mitosis/datasets/mnist",
            "0", "1", "2", "3", "4", "5", "6", "7", "8", "9"),
    CIFAR10("cifar10", Format.CIFAR10, 4, true,
            "unpack cifar-10-binary.tar.gz from https://www.cs.toronto.edu/~kriz/cifar.html into"
                    + " ~/.mitosis/datasets/cifar10",
            "airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"),
    CIFAR100("cifar100", Format.CIFAR100, 4, true,
            "unpack cifar-100-binary.tar.gz from https://www.cs.toronto.edu/~kriz/cifar.html into"
                    + " ~/.mitosis/datasets/cifar100",
            // The 100 fine labels, in label order (fine_label_names.txt of the binary release).
            "apple", "aquarium_fish", "baby", "bear", "beaver", "bed", "bee", "beetle", "bicycle", "bottle",
            "bowl", "boy", "bridge", "bus", "butterfly", "camel", "can", "castle", "caterpillar", "cattle",
            "chair", "chimpanzee", "clock", "cloud", "cockroach", "couch", "crab", "crocodile", "cup", "dinosaur",
            "dolphin", "elephant", "flatfish", "forest", "fox", "girl", "hamster", "house", "kangaroo", "keyboard",
            "lamp", "lawn_mower", "leopard", "lion", "lizard", "lobster", "man", "maple_tree", "motorcycle",
            "mountain", "mouse", "mushroom", "oak_tree", "orange", "orchid", "otter", "palm_tree", "pear",
            "pickup_truck", "pine_tree", "plain", "plate", "poppy", "porcupine", "possum", "rabbit", "raccoon",
            "ray", "road", "rocket", "rose", "sea", "seal", "shark", "shrew", "skunk", "skyscraper", "snail",
            "snake", "spider", "squirrel", "streetcar", "sunflower", "sweet_pepper", "table", "tank", "telephone",
            "television", "tiger", "tractor", "train", "trout", "tulip", "turtle", "wardrobe", "whale",
            "willow_tree", "wolf", "woman", "worm");

    /** How the files of a set are laid out on disk; each has one reader. */
    enum Format { IDX, CIFAR10, CIFAR100 }

    private final String id;
    private final Format format;
    private final int cropPadding;
    private final boolean flipKeepsLabel;
    private final String howToGet;
    private final List<String> classNames;

    KnownDataset(String id, Format format, int cropPadding, boolean flipKeepsLabel, String howToGet,
            String... classNames) {
        this.id = id;
        this.format = format;
        this.cropPadding = cropPadding;
        this.flipKeepsLabel = flipKeepsLabel;
        this.howToGet = howToGet;
        this.classNames = List.of(classNames);
    }

    /** The {@code --data} name, also the directory name under a data root. */
    public String id() {
        return id;
    }

    public List<String> classNames() {
        return classNames;
    }

    public int classes() {
        return classNames.size();
    }

    /** Zero padding of the random crop, in pixels on each side. */
    public int cropPadding() {
        return cropPadding;
    }

    /** Whether a mirrored image still shows its class (clothes, objects: yes; digits: no). */
    public boolean flipKeepsLabel() {
        return flipKeepsLabel;
    }

    /** One sentence telling the user how to get the files; Mitosis itself never downloads. */
    public String howToGet() {
        return howToGet;
    }

    Format format() {
        return format;
    }

    public static Optional<KnownDataset> byId(String id) {
        return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst();
    }
}
