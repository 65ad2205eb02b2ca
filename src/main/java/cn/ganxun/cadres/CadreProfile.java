package cn.ganxun.cadres;

import java.time.LocalDate;

/** R1 basic data of a cadre: what the registry import supplies and a life event may change. */
public record CadreProfile(String cadreNumber, String name, String idNumber, Gender gender, LocalDate birthDate,
        Rank rank, Category category, Education education, String speciality, long unitId, String post,
        boolean partyMember, String email, LocalDate hiredOn) {

    CadreProfile withRankAndPost(Rank newRank, String newPost) {
        return new CadreProfile(cadreNumber, name, idNumber, gender, birthDate, newRank, category, education,
                speciality, unitId, newPost, partyMember, email, hiredOn);
    }

    CadreProfile withUnitAndPost(long newUnitId, String newPost) {
        return new CadreProfile(cadreNumber, name, idNumber, gender, birthDate, rank, category, education,
                speciality, newUnitId, newPost, partyMember, email, hiredOn);
    }
}
