package cn.ganxun.cadres;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** An enum with a Chinese label; input may name a constant either way (e.g. {@code STAFF} or {@code 科员及以下}). */
interface Labelled {

    String label();

    static <E extends Enum<E> & Labelled> Optional<E> parse(Class<E> type, String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String wanted = text.strip();
        for (E constant : type.getEnumConstants()) {
            if (constant.label().equals(wanted) || constant.name().equals(wanted.toUpperCase(Locale.ROOT))) {
                return Optional.of(constant);
            }
        }
        return Optional.empty();
    }

    /** The labels a person may choose from, for error messages: "厅局级、县处级正职、…". */
    static String choices(Class<? extends Labelled> type) {
        return Arrays.stream(type.getEnumConstants()).map(Labelled::label).collect(Collectors.joining("、"));
    }
}
