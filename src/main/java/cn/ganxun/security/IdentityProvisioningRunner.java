package cn.ganxun.security;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Provisions role groups, authorizations and shared task filters on every start, also in production. Runs
 * first: the registry loader ({@code @Order(10)}) and the demo accounts ({@code @Order(20)}) build on it.
 */
@Component
@Order(0)
class IdentityProvisioningRunner implements ApplicationRunner {

    private final IdentityProvisioning provisioning;

    IdentityProvisioningRunner(IdentityProvisioning provisioning) {
        this.provisioning = provisioning;
    }

    @Override
    public void run(ApplicationArguments args) {
        provisioning.provisionRoles();
    }
}
