package cn.ganxun.security;

import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Runs engine work as the application, without the caller's Camunda authorizations, once the Ganxun API has checked
 * the caller's right itself (role and unit binding); the caller's authentication is restored afterwards.
 */
@Component
public class AsApplication {

    private final IdentityService identityService;

    AsApplication(IdentityService identityService) {
        this.identityService = identityService;
    }

    public <T> T call(Supplier<T> work) {
        Authentication caller = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            return work.get();
        } finally {
            if (caller != null) {
                identityService.setAuthentication(caller);
            }
        }
    }
}
