package cn.ganxun.certificates;

import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.ganxun.platform.EngineClock;
import cn.ganxun.platform.InvalidInputException;
import cn.ganxun.platform.NotFoundException;
import cn.ganxun.security.Actor;
import cn.ganxun.security.Groups;

/**
 * Completion certificates (结业证书, R21). {@link #issueFor} is meant to run as an asynchronous, retried job after
 * the assessment is confirmed: it is idempotent — a trainee who already holds a certificate of the class is
 * skipped (checked first, and guarded by the unique key (class, cadre), so a concurrent second run fails and
 * retries instead of issuing a second number). A certificate number never changes once issued. PDFs are
 * rendered on demand from the stored data, never stored.
 */
@Service
public class CertificateService {

    private static final String CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int CODE_LENGTH = 8;

    private final CertificateRepository certificates;
    private final CertificatePdf pdf;
    private final SecureRandom random = new SecureRandom();

    CertificateService(CertificateRepository certificates, CertificatePdf pdf) {
        this.certificates = certificates;
        this.pdf = pdf;
    }

    /**
     * Issues a certificate to every trainee of the class whose confirmed assessment result is completed with grade
     * PASS, GOOD or EXCELLENT and who has none yet; numbers like GX-2027-000123 (yearly counter of the issue year).
     *
     * @return the certificates issued by this call (empty when everything was issued before)
     */
    @Transactional
    public List<Certificate> issueFor(long classId) {
        LocalDateTime now = EngineClock.now();
        List<Certificate> issued = new ArrayList<>();
        for (Long cadreId : certificates.passedWithoutCertificate(classId)) {
            if (certificates.exists(classId, cadreId)) {
                continue;
            }
            String number = certificates.nextNumber(now.getYear());
            certificates.insert(classId, cadreId, number, verificationCode(), now);
            issued.add(find(number));
        }
        return issued;
    }

    /** Every certificate of the class, valid or revoked. */
    public List<Certificate> forClass(long classId) {
        return certificates.findByClass(classId);
    }

    public Certificate find(String certificateNumber) {
        return certificates.findByNumber(certificateNumber)
                .orElseThrow(() -> new NotFoundException("未找到证书编号 " + certificateNumber + " 对应的结业证书"));
    }

    /** The certificate as an A4 landscape PDF in Chinese with an embedded subset font, rendered now. */
    public byte[] pdf(String certificateNumber) {
        Certificate certificate = find(certificateNumber);
        return pdf.render(certificate, certificates.classHours(certificate.classId()), certificate.issuedAt().toLocalDate());
    }

    /** Revokes a valid certificate with a reason; its number stays taken and verification shows 已撤销. */
    @Transactional
    public void revoke(String certificateNumber, String reason) {
        if (reason == null || reason.isBlank()) {
            throw InvalidInputException.of("reason", "撤销证书须填写原因");
        }
        Certificate certificate = find(certificateNumber);
        if (!certificate.valid()) {
            throw InvalidInputException.of("certificateNumber", "证书 " + certificateNumber + " 已撤销");
        }
        certificates.revoke(certificateNumber, reason.trim(), EngineClock.now());
    }

    /** Public verification (R21): only name, class title, dates and validity. */
    public CertificateCheck verify(String certificateNumber, String verificationCode) {
        Certificate certificate = certificates.findByNumber(certificateNumber == null ? "" : certificateNumber.trim())
                .filter(c -> verificationCode == null || verificationCode.isBlank()
                        || c.verificationCode().equalsIgnoreCase(verificationCode.trim()))
                .orElseThrow(() -> new NotFoundException("未找到该证书编号，请核对后重试"));
        return new CertificateCheck(certificate.cadreName(), certificate.classTitle(), certificate.startDate(),
                certificate.endDate(), certificate.valid() ? CertificateCheck.VALID : CertificateCheck.REVOKED);
    }

    /**
     * Who may download a certificate: the org department, the staff of the class's institution, the holder's own
     * trainee account and the HR of the holder's unit (or a unit above it).
     */
    public void requireReader(Actor actor, Certificate certificate) {
        if (actor.inAnyGroup(Groups.ORG_DEPT, Groups.ORG_DEPT_HEAD)) {
            return;
        }
        if (Objects.equals(actor.cadreId(), certificate.cadreId())) {
            return;
        }
        if (actor.inGroup(Groups.INSTITUTION) && Objects.equals(actor.institutionId(), certificate.institutionId())) {
            return;
        }
        if (actor.inGroup(Groups.UNIT_HR) && actor.unitId() != null
                && certificates.unitCovers(actor.unitId(), certificate.cadreUnitId())) {
            return;
        }
        throw new AccessDeniedException("无权访问：仅组织部门、承办机构、本人及所在单位组织人事部门可下载该证书");
    }

    private String verificationCode() {
        StringBuilder code = new StringBuilder(CODE_LENGTH);
        for (int i = 0; i < CODE_LENGTH; i++) {
            code.append(CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length())));
        }
        return code.toString();
    }
}
