package cn.ganxun.cadres;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** A cadre (干部) in the registry. */
public record Cadre(long id, @JsonUnwrapped CadreProfile profile, CadreStatus status) {

    @JsonIgnore
    public boolean isActive() {
        return status == CadreStatus.ACTIVE;
    }
}
