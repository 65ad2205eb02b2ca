package cn.ganxun.delegates;

import java.util.ArrayList;
import java.util.List;

import org.camunda.spin.json.SpinJsonNode;

import cn.ganxun.platform.InvalidInputException;

/** Reads the values a Camunda Form's checklist submitted: a JSON array from Tasklist (or a list), as strings. */
public final class FormValues {

    private FormValues() {
    }

    /**
     * @return the checked values in order; empty when nothing was checked
     * @throws InvalidInputException naming {@code variable} when the value is not a list
     */
    public static List<String> strings(Object value, String variable) {
        List<String> values = new ArrayList<>();
        if (value instanceof SpinJsonNode json && json.isArray()) {
            json.elements().forEach(element -> values.add(element.isNumber() ? text(element.numberValue())
                    : element.stringValue()));
        } else if (value instanceof List<?> list) {
            list.forEach(element -> values.add(element instanceof Number n ? text(n) : String.valueOf(element)));
        } else if (value != null && !"".equals(value)) {
            throw InvalidInputException.of(variable, "多选项格式错误：" + variable);
        }
        return values;
    }

    /** A whole number without the ".0" a JSON number may carry. */
    private static String text(Number number) {
        double value = number.doubleValue();
        return value == Math.rint(value) && !Double.isInfinite(value) ? String.valueOf(number.longValue())
                : String.valueOf(number);
    }
}
