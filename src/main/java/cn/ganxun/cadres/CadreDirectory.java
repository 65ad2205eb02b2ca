package cn.ganxun.cadres;

import java.util.Optional;
import java.util.Set;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.ganxun.cadres.CadreViews.CadreDetail;
import cn.ganxun.cadres.CadreViews.CadrePage;
import cn.ganxun.cadres.CadreViews.UnitRef;
import cn.ganxun.platform.InvalidInputException;
import cn.ganxun.platform.NotFoundException;
import cn.ganxun.security.Actor;

/** Reads the registry within what the actor may see (see {@link CadreAccess}). */
@Service
@Transactional(readOnly = true)
class CadreDirectory {

    private final CadreRepository cadres;
    private final UnitRepository units;
    private final CadreAccess access;

    CadreDirectory(CadreRepository cadres, UnitRepository units, CadreAccess access) {
        this.cadres = cadres;
        this.units = units;
        this.access = access;
    }

    CadrePage search(CadreQuery query, Actor actor) {
        Optional<Set<Long>> visible = access.visibleUnits(actor);
        Optional<Set<Long>> wanted = Optional.ofNullable(query.unitId()).map(id -> {
            units.findById(id).orElseThrow(() -> InvalidInputException.of("unitId", "单位 unitId 不存在：" + id));
            return query.subUnits() ? units.withSubUnits(id) : Set.of(id);
        });
        if (visible.isPresent() && wanted.isPresent() && !visible.get().containsAll(wanted.get())) {
            throw new AccessDeniedException("无权访问：不能查询其他单位的干部");
        }
        return cadres.search(query, wanted.or(() -> visible));
    }

    CadreDetail detail(long id, Actor actor) {
        Cadre cadre = cadres.findById(id).orElseThrow(() -> new NotFoundException("干部不存在：" + id));
        access.requireVisible(actor, cadre);
        Unit unit = units.findById(cadre.profile().unitId()).orElseThrow();
        return new CadreDetail(cadre, new UnitRef(unit.id(), unit.code(), unit.name()), cadres.history(id),
                cadres.trainings(id));
    }
}
