package cn.ganxun.security;

import java.util.Date;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.camunda.bpm.webapp.impl.util.ServletContextUtil;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * Logs a user who signed in to the portal into Camunda's webapps too (Tasklist, Cockpit, Admin as far as their
 * Camunda authorizations allow): the webapps keep their login in the same HTTP session, so a link from the portal
 * into Tasklist opens the task without a second login. Logging out of the portal ends the session, and both.
 */
@Component
class CamundaWebappLogin {

    private final ProcessEngine processEngine;

    CamundaWebappLogin(ProcessEngine processEngine) {
        this.processEngine = processEngine;
    }

    void open(HttpServletRequest request, String userId) {
        UserAuthentication authentication = AuthenticationUtil.createAuthentication(processEngine, userId);
        if (authentication == null) {
            return;
        }
        Date validation = ServletContextUtil.getAuthCacheValidationTime(request.getServletContext());
        if (validation != null) {
            authentication.setCacheValidationTime(validation);
        }
        HttpSession session = request.getSession();
        Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
        authentications.addOrReplace(authentication);
        AuthenticationUtil.updateSession(session, authentications);
    }
}
