package dev.stay.devstack.launcher;

/** How much demo data the {@link Platform} loads: the seed loader's {@code --size}. */
public enum DemoScale {

    /** 2,000 hotels with 40,000 rooms, in seconds: what {@code ./platform up} and the tests load. */
    SMALL("small", "small set, 2,000 hotels with 40,000 rooms and 400 restaurants"),
    /** 500,000 hotels with 10,000,000 rooms: the scale Stay is built for, in minutes (seed/README.md has the figures). */
    SEED("seed", "seed scale, 500,000 hotels with 10,000,000 rooms and 100,000 restaurants");

    private final String size;
    private final String description;

    DemoScale(String size, String description) {
        this.size = size;
        this.description = description;
    }

    /** The seed loader's {@code --size}, and {@code ./platform up --scale}'s value. */
    public String size() {
        return size;
    }

    String description() {
        return description;
    }

    /** @throws IllegalArgumentException for anything but {@code small} and {@code seed} */
    static DemoScale of(String size) {
        for (DemoScale scale : values()) {
            if (scale.size.equals(size)) {
                return scale;
            }
        }
        throw new IllegalArgumentException("--scale is small or seed, not " + size);
    }
}
