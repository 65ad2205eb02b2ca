package cn.ganxun.certificates;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Public certificate verification (R21), no login: name, class title, dates and validity only. */
@RestController
@RequestMapping("/public/certificates")
@Tag(name = "证书查验", description = "公开查验结业证书真伪，无需登录（R21）")
class PublicCertificateController {

    private final CertificateService certificates;

    PublicCertificateController(CertificateService certificates) {
        this.certificates = certificates;
    }

    @GetMapping("/{number}")
    @Operation(summary = "查验结业证书", description = "按证书编号查验；可附验证码 code，不符时同未找到")
    CertificateCheck verify(@PathVariable String number, @RequestParam(required = false) String code) {
        return certificates.verify(number, code);
    }
}
