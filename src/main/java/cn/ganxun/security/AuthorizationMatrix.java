package cn.ganxun.security;

import static org.camunda.bpm.engine.authorization.Resources.APPLICATION;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;

/**
 * What each role group may do in the engine and the webapps (least privilege). Camunda grants the rest itself:
 * the assignee and the candidate users / groups of a task get READ and UPDATE on that task when it is created,
 * which is all Tasklist needs to show the task, render its Camunda Form ({@code deployed-form}) and complete it.
 * Trainees, unit HR, unit leaders, class teachers, lecturers, liaisons and the follow-up team therefore get
 * nothing beyond Tasklist and its shared filters.
 *
 * <pre>
 * group                      | grants
 * ---------------------------+-------------------------------------------------------------------------------
 * every role group           | APPLICATION tasklist: ACCESS; FILTER (shared task filters): READ
 * org-dept                   | APPLICATION cockpit: ACCESS; PROCESS_DEFINITION *: READ, READ_HISTORY;
 *                            | PROCESS_INSTANCE *: READ; DECISION_DEFINITION *: READ, READ_HISTORY
 * org-dept-head, manager     | APPLICATION cockpit: ACCESS; PROCESS_DEFINITION *: READ, READ_HISTORY;
 *                            | PROCESS_INSTANCE *: READ
 * approver                   | PROCESS_DEFINITION *: READ, READ_HISTORY; PROCESS_INSTANCE *: READ (diagram and
 *                            | history of the case in Tasklist; no Cockpit)
 * institution                | PROCESS_DEFINITION class-filing: READ, CREATE_INSTANCE; PROCESS_INSTANCE *: CREATE
 *                            | (start a class filing with its start form in Tasklist)
 * org-dept (also)            | PROCESS_DEFINITION appointment-linkage: READ, CREATE_INSTANCE; PROCESS_INSTANCE *:
 *                            | CREATE (register a promotion with its start form in Tasklist or the API, R32);
 *                            | PROCESS_DEFINITION needs-survey: CREATE_INSTANCE (launch a survey through
 *                            | POST /api/surveys, R37)
 * trainee                    | PROCESS_DEFINITION leave-request: READ, CREATE_INSTANCE; PROCESS_INSTANCE *: CREATE
 *                            | (ask for leave with its start form in Tasklist, R16);
 *                            | PROCESS_DEFINITION credit-claim: CREATE_INSTANCE (claim reward credits over the API, R22)
 * camunda-admin              | everything (granted by the Camunda starter to the admin user's group)
 * </pre>
 *
 * Per-unit HR groups ({@link Groups#unitHr}) and per-institution groups ({@link Groups#institution}) carry no
 * grants: they are candidate groups only; their members also belong to the role group.
 */
final class AuthorizationMatrix {

    /** Process definition key of the class filing process (R12, R13), started by institutions. */
    static final String CLASS_FILING = "class-filing";

    /** Process definition key of the leave request process (R16), started by trainees. */
    static final String LEAVE_REQUEST = "leave-request";

    /** Process definition key of the reward credit claim (R22), started by trainees over the API. */
    static final String CREDIT_CLAIM = "credit-claim";
    /** Process definition key of the appointment linkage (R32), started by the org department. */
    static final String APPOINTMENT_LINKAGE = "appointment-linkage";
    /** Process definition key of the needs survey (R36–R38), launched by the org department over REST. */
    static final String NEEDS_SURVEY = "needs-survey";

    static final String TASKLIST = "tasklist";
    static final String COCKPIT = "cockpit";

    /** Groups that watch running and finished processes in Cockpit. */
    static final List<String> COCKPIT_GROUPS = List.of(Groups.ORG_DEPT, Groups.ORG_DEPT_HEAD, Groups.MANAGER);

    private static final List<String> PROCESS_READERS =
            List.of(Groups.ORG_DEPT, Groups.ORG_DEPT_HEAD, Groups.APPROVER, Groups.MANAGER);

    private AuthorizationMatrix() {
    }

    /** One grant: a group gets permissions on one resource (id or {@code *}). */
    record Grant(String groupId, Resource resource, String resourceId, List<Permission> permissions) {

        Grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
            this(groupId, resource, resourceId, List.of(permissions));
        }
    }

    /** The grants on applications, process definitions, instances and decisions (filters are granted by id). */
    static List<Grant> grants() {
        List<Grant> grants = new ArrayList<>();
        for (String role : Groups.ROLES) {
            grants.add(new Grant(role, APPLICATION, TASKLIST, Permissions.ACCESS));
        }
        for (String group : COCKPIT_GROUPS) {
            grants.add(new Grant(group, APPLICATION, COCKPIT, Permissions.ACCESS));
        }
        for (String group : PROCESS_READERS) {
            grants.add(new Grant(group, PROCESS_DEFINITION, "*",
                    ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_HISTORY));
            grants.add(new Grant(group, PROCESS_INSTANCE, "*", ProcessInstancePermissions.READ));
        }
        grants.add(new Grant(Groups.ORG_DEPT, DECISION_DEFINITION, "*", Permissions.READ, Permissions.READ_HISTORY));
        grants.add(new Grant(Groups.INSTITUTION, PROCESS_DEFINITION, CLASS_FILING,
                ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE));
        grants.add(new Grant(Groups.INSTITUTION, PROCESS_INSTANCE, "*", ProcessInstancePermissions.CREATE));
        grants.add(new Grant(Groups.ORG_DEPT, PROCESS_DEFINITION, APPOINTMENT_LINKAGE,
                ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE));
        grants.add(new Grant(Groups.ORG_DEPT, PROCESS_DEFINITION, NEEDS_SURVEY, ProcessDefinitionPermissions.CREATE_INSTANCE));
        grants.add(new Grant(Groups.ORG_DEPT, PROCESS_INSTANCE, "*", ProcessInstancePermissions.CREATE));
        grants.add(new Grant(Groups.TRAINEE, PROCESS_DEFINITION, LEAVE_REQUEST,
                ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE));
        grants.add(new Grant(Groups.TRAINEE, PROCESS_DEFINITION, CREDIT_CLAIM, ProcessDefinitionPermissions.CREATE_INSTANCE));
        grants.add(new Grant(Groups.TRAINEE, PROCESS_INSTANCE, "*", ProcessInstancePermissions.CREATE));
        return List.copyOf(grants);
    }
}
