package io.flowkit.cli;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Reads an enum option given as text, naming the accepted values when it is none of them. */
public final class EnumOptions {

    private EnumOptions() {}

    /**
     * @param <E> the enum
     * @param type its class
     * @param option the option's name, e.g. {@code --schedule}
     * @param value the text given (any case)
     * @return the constant
     * @throws IllegalArgumentException {@code "--schedule: unknown value 'x' (accepted: adaptive, uniform)"}
     */
    public static <E extends Enum<E>> E parse(Class<E> type, String option, String value) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(value.strip())) {
                return e;
            }
        }
        throw new IllegalArgumentException(option + ": unknown value '" + value + "' (accepted: "
                + Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT))
                        .collect(Collectors.joining(", ")) + ")");
    }
}
