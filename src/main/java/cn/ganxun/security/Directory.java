package cn.ganxun.security;

import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** E-mail addresses of Camunda users and groups, for notifications. */
@Component
public class Directory {

    private final IdentityService identityService;

    Directory(IdentityService identityService) {
        this.identityService = identityService;
    }

    public Optional<String> emailOf(String userId) {
        if (userId == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(identityService.createUserQuery().userId(userId).singleResult())
                .map(User::getEmail)
                .filter(email -> !email.isBlank());
    }

    public List<String> emailsOfGroup(String groupId) {
        return identityService.createUserQuery().memberOfGroup(groupId).list().stream()
                .map(User::getEmail)
                .filter(email -> email != null && !email.isBlank())
                .toList();
    }
}
