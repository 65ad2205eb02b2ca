package cn.ganxun.certificates;

import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.ganxun.security.Actor;
import cn.ganxun.security.CurrentUser;
import cn.ganxun.security.Groups;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Certificates for logged-in users: the PDF download and the org department's revocation. */
@RestController
@RequestMapping("/api/certificates")
@Tag(name = "结业证书", description = "结业证书下载与撤销（R21）")
class CertificateController {

    private final CertificateService certificates;
    private final CurrentUser currentUser;

    CertificateController(CertificateService certificates, CurrentUser currentUser) {
        this.certificates = certificates;
        this.currentUser = currentUser;
    }

    @GetMapping(value = "/{number}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "下载结业证书 PDF", description = "组织部门、承办机构、本人及所在单位组织人事部门")
    ResponseEntity<byte[]> pdf(@PathVariable String number) {
        Actor actor = currentUser.get();
        Certificate certificate = certificates.find(number);
        certificates.requireReader(actor, certificate);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(certificate.certificateNumber() + ".pdf").build().toString())
                .body(certificates.pdf(number));
    }

    @GetMapping
    @Operation(summary = "某班次的结业证书", description = "组织部门")
    List<Certificate> forClass(@RequestParam long classId) {
        currentUser.get().requireAnyGroup(Groups.ORG_DEPT);
        return certificates.forClass(classId);
    }

    @PostMapping("/{number}/revocation")
    @Operation(summary = "撤销结业证书", description = "组织部门；须填写原因")
    ResponseEntity<Void> revoke(@PathVariable String number, @RequestBody(required = false) Revocation revocation) {
        currentUser.get().requireAnyGroup(Groups.ORG_DEPT);
        certificates.revoke(number, revocation == null ? null : revocation.reason());
        return ResponseEntity.noContent().build();
    }

    record Revocation(String reason) {
    }
}
