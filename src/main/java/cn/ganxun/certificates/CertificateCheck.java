package cn.ganxun.certificates;

import java.time.LocalDate;

/**
 * What the public verification shows (R21): the holder's name, the class, its dates and whether the certificate
 * is valid. Nothing else about the person (no id number, unit or grade).
 */
public record CertificateCheck(String name, String classTitle, LocalDate startDate, LocalDate endDate, String status) {

    public static final String VALID = "有效";
    public static final String REVOKED = "已撤销";
}
