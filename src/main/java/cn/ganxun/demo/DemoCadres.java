package cn.ganxun.demo;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import cn.ganxun.cadres.Cadre;
import cn.ganxun.cadres.CadreEventKind;
import cn.ganxun.cadres.CadreProfile;
import cn.ganxun.cadres.CadreRepository;
import cn.ganxun.cadres.CadreStatus;
import cn.ganxun.cadres.Category;
import cn.ganxun.cadres.Education;
import cn.ganxun.cadres.Gender;
import cn.ganxun.cadres.IdNumbers;
import cn.ganxun.cadres.NewCadreEvent;
import cn.ganxun.cadres.Rank;
import cn.ganxun.cadres.UnitKind;
import cn.ganxun.demo.DemoUnits.DemoUnit;

/**
 * About 600 cadres in a realistic pyramid (few county-level leaders, many staff), each with a HIRE event; some
 * promoted or transferred in the last years, a few retired. Every unit's principal leader is one of its cadres.
 * The first cadre of CD01 is C000001, an active section chief that the demo trainee account is bound to.
 */
final class DemoCadres {

    private static final String DEMO_TRAINEE_NUMBER = "C000001";
    private static final String RECORDED_BY = "demo";
    private static final String NOTE = "演示数据";
    private static final int RETIREMENT_AGE = 60;

    private static final List<String> REGIONS = List.of("370102", "370103", "370104", "370105", "370112", "370181");
    private static final List<String> SECTIONS = List.of("综合科", "秘书科", "政策法规科", "规划发展科", "财务审计科",
            "人事科", "信息科", "督查科");
    private static final List<String> DISTRICT_BUREAUS = List.of("教育局", "财政局", "民政局", "商务局", "司法局",
            "农业农村局", "应急管理局", "市场监督管理局");
    private static final List<String> TOWN_OFFICES = List.of("党政办公室", "社会事务办公室", "经济发展办公室", "综合治理办公室");
    private static final List<String> SPECIALITIES = List.of("法学", "经济学", "汉语言文学", "行政管理", "计算机科学与技术",
            "土木工程", "会计学", "临床医学", "教育学", "马克思主义理论", "城乡规划", "农学");

    /** A generated cadre and the history that led to the current profile. Dates are null for no such event. */
    record DemoCadre(CadreProfile profile, long hireUnitId, Rank hireRank, LocalDate promotedOn,
            LocalDate transferredOn, LocalDate retiredOn) {

        Rank rankOn(LocalDate date) {
            return promotedOn != null && date.isBefore(promotedOn) ? hireRank : profile.rank();
        }

        long unitOn(LocalDate date) {
            return transferredOn != null && date.isBefore(transferredOn) ? hireUnitId : profile.unitId();
        }

        /** Employed and not retired on every day of the period. */
        boolean activeDuring(LocalDate from, LocalDate to) {
            return !profile.hiredOn().isAfter(from) && (retiredOn == null || retiredOn.isAfter(to));
        }
    }

    private final CadreRepository cadres;
    private final Random random;
    private final LocalDate today;
    private final Set<String> idNumbers = new HashSet<>();
    private int sequence;

    DemoCadres(CadreRepository cadres, Random random, LocalDate today) {
        this.cadres = cadres;
        this.random = random;
        this.today = today;
    }

    /** Generates and stores the cadres with their events; returns them with their ids. */
    Map<Long, DemoCadre> insert(List<DemoUnit> units) {
        List<DemoCadre> generated = new ArrayList<>();
        for (DemoUnit unit : units) {
            for (Rank rank : ordinaryRanks(unit.kind())) {
                generated.add(ordinary(nextNumber(), unit, rank, units));
            }
            generated.add(leader(nextNumber(), unit));
        }
        Map<String, Long> ids = cadres.insertAll(generated.stream().map(DemoCadre::profile).toList());
        List<NewCadreEvent> events = new ArrayList<>();
        Map<Long, DemoCadre> byId = new LinkedHashMap<>();
        for (DemoCadre cadre : generated) {
            long id = ids.get(cadre.profile().cadreNumber());
            byId.put(id, cadre);
            events.addAll(events(id, cadre));
            if (cadre.retiredOn() != null) {
                cadres.update(new Cadre(id, cadre.profile(), CadreStatus.RETIRED));
            }
        }
        cadres.insertEvents(events);
        return byId;
    }

    /** Everybody below the principal leader, in org-chart order: section chiefs first (so C000001 is one). */
    private List<Rank> ordinaryRanks(UnitKind kind) {
        List<Rank> ranks = new ArrayList<>();
        switch (kind) {
            case CITY_DEPARTMENT -> {
                add(ranks, Rank.TOWNSHIP_PRINCIPAL, 4, 5);
                add(ranks, Rank.COUNTY_DEPUTY, 2, 3);
                add(ranks, Rank.TOWNSHIP_DEPUTY, 3, 5);
                add(ranks, Rank.STAFF, 8, 11);
            }
            case DISTRICT -> {
                add(ranks, Rank.COUNTY_PRINCIPAL, 1, 1);
                add(ranks, Rank.COUNTY_DEPUTY, 4, 6);
                add(ranks, Rank.TOWNSHIP_PRINCIPAL, 6, 8);
                add(ranks, Rank.TOWNSHIP_DEPUTY, 6, 8);
                add(ranks, Rank.STAFF, 8, 12);
            }
            case TOWN -> {
                add(ranks, Rank.TOWNSHIP_PRINCIPAL, 1, 1);
                add(ranks, Rank.TOWNSHIP_DEPUTY, 3, 4);
                add(ranks, Rank.STAFF, 9, 12);
            }
        }
        return ranks;
    }

    private void add(List<Rank> ranks, Rank rank, int min, int max) {
        int count = min + random.nextInt(max - min + 1);
        for (int i = 0; i < count; i++) {
            ranks.add(rank);
        }
    }

    private String nextNumber() {
        return String.format("C%06d", ++sequence);
    }

    private DemoCadre leader(String number, DemoUnit unit) {
        Rank rank = switch (unit.kind()) {
            case CITY_DEPARTMENT -> Set.of("CD01", "CD03", "CD04").contains(unit.code()) ? Rank.BUREAU
                    : Rank.COUNTY_PRINCIPAL;
            case DISTRICT -> Rank.COUNTY_PRINCIPAL;
            case TOWN -> Rank.TOWNSHIP_PRINCIPAL;
        };
        String post = switch (unit.kind()) {
            case CITY_DEPARTMENT -> departmentHead(unit.name());
            case DISTRICT -> "区委书记";
            case TOWN -> unit.name().endsWith("街道") ? "党工委书记" : "党委书记";
        };
        CadreProfile profile = profile(number, unit, rank, post, unit.leaderName(), unit.leaderMale(), age(rank));
        return new DemoCadre(profile, unit.id(), rank, null, null, null);
    }

    private DemoCadre ordinary(String number, DemoUnit unit, Rank rank, List<DemoUnit> units) {
        boolean demoTrainee = number.equals(DEMO_TRAINEE_NUMBER);
        boolean retiree = !demoTrainee && random.nextInt(100) < 2;
        int age = retiree ? RETIREMENT_AGE + random.nextInt(2) : demoTrainee ? 38 : age(rank);
        boolean male = random.nextInt(100) < (rank == Rank.STAFF ? 52 : 68);
        CadreProfile profile = profile(number, unit, rank, post(unit, rank), DemoNames.next(random, male), male, age);
        if (retiree) {
            return new DemoCadre(profile, unit.id(), rank, null, null, profile.birthDate().plusYears(RETIREMENT_AGE));
        }
        LocalDate earliestChange = later(profile.hiredOn().plusYears(1), today.minusYears(5));
        boolean canChange = !demoTrainee && earliestChange.isBefore(today.minusDays(30));
        if (canChange && rank != Rank.STAFF && random.nextInt(100) < 25) {
            Rank before = Rank.values()[rank.ordinal() + 1];
            return new DemoCadre(profile, unit.id(), before, dateBetween(earliestChange, today.minusDays(30)), null, null);
        }
        if (canChange && random.nextInt(100) < 6) {
            DemoUnit from = units.get(random.nextInt(units.size()));
            if (from.id() != unit.id()) {
                return new DemoCadre(profile, from.id(), rank, null, dateBetween(earliestChange, today.minusDays(30)),
                        null);
            }
        }
        return new DemoCadre(profile, unit.id(), rank, null, null, null);
    }

    private CadreProfile profile(String number, DemoUnit unit, Rank rank, String post, String name, boolean male,
            int age) {
        LocalDate birthDate = today.minusYears(age).minusDays(1 + random.nextInt(364));
        Education education = education();
        int graduationAge = switch (education) {
            case DOCTORATE -> 28;
            case MASTER -> 25;
            case BACHELOR -> 22;
            case JUNIOR_COLLEGE -> 21;
            case SECONDARY -> 19;
        };
        LocalDate hiredOn = birthDate.plusYears(graduationAge + random.nextInt(3)).plusDays(random.nextInt(200));
        if (hiredOn.isAfter(today.minusDays(60))) {
            hiredOn = today.minusDays(60 + random.nextInt(300));
        }
        boolean partyMember = rank != Rank.STAFF || random.nextInt(100) < 80;
        return new CadreProfile(number, name, idNumber(birthDate, male), male ? Gender.MALE : Gender.FEMALE, birthDate,
                rank, category(unit, rank, age, partyMember), education,
                SPECIALITIES.get(random.nextInt(SPECIALITIES.size())), unit.id(), post, partyMember,
                number.toLowerCase(Locale.ROOT) + "@ganxun.local", hiredOn);
    }

    private int age(Rank rank) {
        return switch (rank) {
            case BUREAU -> 50 + random.nextInt(9);
            case COUNTY_PRINCIPAL -> 46 + random.nextInt(13);
            case COUNTY_DEPUTY -> 40 + random.nextInt(18);
            case TOWNSHIP_PRINCIPAL -> 33 + random.nextInt(24);
            case TOWNSHIP_DEPUTY -> 29 + random.nextInt(26);
            // staff are mostly young: the smaller of two draws
            case STAFF -> 23 + Math.min(random.nextInt(35), random.nextInt(35));
        };
    }

    private Education education() {
        int draw = random.nextInt(100);
        return draw < 3 ? Education.DOCTORATE : draw < 30 ? Education.MASTER : draw < 88 ? Education.BACHELOR
                : draw < 97 ? Education.JUNIOR_COLLEGE : Education.SECONDARY;
    }

    /** R2 category: leaders by rank, then by the kind of work the unit does, then young cadres and grassroots. */
    private Category category(DemoUnit unit, Rank rank, int age, boolean partyMember) {
        if (rank.countyLevelOrAbove()) {
            return Category.PARTY_GOVERNMENT_LEADER;
        }
        int draw = random.nextInt(100);
        Category special = switch (unit.code()) {
            case "CD04" -> Category.THEORY_PROPAGANDA_BACKBONE;
            case "CD05", "CD08" -> Category.SOE_LEADER;
            case "CD06", "CD12" -> Category.PUBLIC_INSTITUTION_LEADER;
            case "CD07" -> Category.HIGH_LEVEL_TALENT;
            default -> null;
        };
        if (special != null && draw < 35 && (rank != Rank.STAFF || special == Category.THEORY_PROPAGANDA_BACKBONE
                || special == Category.HIGH_LEVEL_TALENT)) {
            return special;
        }
        if (age < 35 && draw < 60) {
            return Category.YOUNG_CADRE;
        }
        if (unit.kind() == UnitKind.TOWN) {
            return Category.GRASSROOTS_CADRE;
        }
        if (rank != Rank.STAFF) {
            return Category.PARTY_GOVERNMENT_LEADER;
        }
        return partyMember && draw > 90 ? Category.PARTY_MEMBER : Category.CIVIL_SERVANT;
    }

    private String post(DemoUnit unit, Rank rank) {
        return switch (unit.kind()) {
            case CITY_DEPARTMENT -> switch (rank) {
                case COUNTY_DEPUTY -> "副" + departmentHead(unit.name());
                case TOWNSHIP_PRINCIPAL -> pick(SECTIONS) + "科长";
                case TOWNSHIP_DEPUTY -> pick(SECTIONS) + "副科长";
                default -> pick(SECTIONS) + "科员";
            };
            case DISTRICT -> switch (rank) {
                case COUNTY_PRINCIPAL -> "区长";
                case COUNTY_DEPUTY -> pick(List.of("副区长", "区委常委", "区委副书记"));
                case TOWNSHIP_PRINCIPAL -> "区" + pick(DISTRICT_BUREAUS) + "局长";
                case TOWNSHIP_DEPUTY -> "区" + pick(DISTRICT_BUREAUS) + "副局长";
                default -> "区" + pick(DISTRICT_BUREAUS) + "科员";
            };
            case TOWN -> switch (rank) {
                case TOWNSHIP_PRINCIPAL -> unit.name().endsWith("街道") ? "街道办事处主任"
                        : unit.name().endsWith("乡") ? "乡长" : "镇长";
                case TOWNSHIP_DEPUTY -> unit.name().endsWith("街道") ? "街道办事处副主任"
                        : unit.name().endsWith("乡") ? "副乡长" : "副镇长";
                default -> pick(TOWN_OFFICES) + "科员";
            };
        };
    }

    private static String departmentHead(String unitName) {
        return unitName.endsWith("局") ? "局长" : unitName.endsWith("部") ? "部长" : "主任";
    }

    /** A valid 18-digit identity number, unique in the demo city, matching birth date and gender. */
    private String idNumber(LocalDate birthDate, boolean male) {
        while (true) {
            int sequenceCode = 2 * random.nextInt(499) + (male ? 1 : 2);
            String first17 = pick(REGIONS) + birthDate.format(DateTimeFormatter.BASIC_ISO_DATE)
                    + String.format("%03d", sequenceCode);
            String idNumber = first17 + IdNumbers.checkCharacter(first17);
            if (idNumbers.add(idNumber)) {
                return idNumber;
            }
        }
    }

    private List<NewCadreEvent> events(long id, DemoCadre cadre) {
        CadreProfile profile = cadre.profile();
        boolean changed = cadre.promotedOn() != null || cadre.transferredOn() != null;
        List<NewCadreEvent> events = new ArrayList<>();
        events.add(new NewCadreEvent(id, CadreEventKind.HIRE, profile.hiredOn(), null, cadre.hireUnitId(), null,
                cadre.hireRank(), changed ? null : profile.post(), NOTE, RECORDED_BY));
        if (cadre.promotedOn() != null) {
            events.add(new NewCadreEvent(id, CadreEventKind.PROMOTION, cadre.promotedOn(), null, null, cadre.hireRank(),
                    profile.rank(), profile.post(), NOTE, RECORDED_BY));
        }
        if (cadre.transferredOn() != null) {
            events.add(new NewCadreEvent(id, CadreEventKind.TRANSFER, cadre.transferredOn(), cadre.hireUnitId(),
                    profile.unitId(), null, null, profile.post(), NOTE, RECORDED_BY));
        }
        if (cadre.retiredOn() != null) {
            events.add(new NewCadreEvent(id, CadreEventKind.RETIREMENT, cadre.retiredOn(), profile.unitId(), null, null,
                    null, null, NOTE, RECORDED_BY));
        }
        return events;
    }

    private LocalDate dateBetween(LocalDate from, LocalDate to) {
        return from.plusDays(random.nextInt((int) ChronoUnit.DAYS.between(from, to) + 1));
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
