package cn.ganxun.delegates.trainingclass;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.ganxun.certificates.CertificateService;
import cn.ganxun.classes.TrainingClassProcess.Vars;

/** 颁发结业证书 (R21): after an async boundary; a retry never issues a second number. */
@Component
class IssueCertificatesDelegate implements JavaDelegate {

    private final CertificateService certificates;

    IssueCertificatesDelegate(CertificateService certificates) {
        this.certificates = certificates;
    }

    @Override
    public void execute(DelegateExecution execution) {
        certificates.issueFor((Long) execution.getVariable(Vars.CLASS_ID));
    }
}
