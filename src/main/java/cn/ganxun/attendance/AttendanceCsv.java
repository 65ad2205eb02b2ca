package cn.ganxun.attendance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.HashMap;

import cn.ganxun.platform.CsvReader;
import cn.ganxun.platform.InvalidInputException;

/**
 * A check-in device's CSV: header 干部编号,日期,时段,考勤 and optionally 记录时间 (any order), then one row per
 * trainee and session. Fields may be quoted (RFC 4180); blank lines are skipped.
 */
final class AttendanceCsv {

    static final String CADRE_NUMBER = "干部编号";
    static final String DATE = "日期";
    static final String PERIOD = "时段";
    static final String MARK = "考勤";
    static final String RECORDED_AT = "记录时间";

    /** A parsed upload; the data row numbers are those of the file (the header is line 1). */
    record Upload(List<DeviceRow> rows, int firstRowNumber) {
    }

    private AttendanceCsv() {
    }

    static Upload parse(String text) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<List<String>> records = CsvReader.parse(text);
        if (records.isEmpty()) {
            throw InvalidInputException.of("csv", "CSV 为空");
        }
        Map<String, Integer> columns = new HashMap<>();
        List<String> header = records.get(0);
        for (int i = 0; i < header.size(); i++) {
            columns.put(header.get(i).trim(), i);
        }
        List<String> missing = List.of(CADRE_NUMBER, DATE, PERIOD, MARK).stream().filter(h -> !columns.containsKey(h))
                .toList();
        if (!missing.isEmpty()) {
            throw InvalidInputException.of("csv", "CSV 表头缺少列：" + String.join("、", missing)
                    + "（须为 干部编号,日期,时段,考勤[,记录时间]）");
        }
        List<DeviceRow> rows = new ArrayList<>();
        // keep blank lines as empty rows so row numbers match the file; the service names them
        int last = records.size();
        while (last > 1 && isBlank(records.get(last - 1))) {
            last--;
        }
        for (List<String> r : records.subList(1, last)) {
            rows.add(new DeviceRow(field(r, columns.get(CADRE_NUMBER)), null, field(r, columns.get(DATE)),
                    field(r, columns.get(PERIOD)), field(r, columns.get(MARK)), field(r, columns.get(RECORDED_AT))));
        }
        return new Upload(rows, 2);
    }

    private static boolean isBlank(List<String> record) {
        return record.stream().allMatch(String::isBlank);
    }

    private static String field(List<String> record, Integer column) {
        return column == null || column >= record.size() ? null : record.get(column).trim();
    }
}
