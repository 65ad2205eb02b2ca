package cn.ganxun.classes;

import java.util.List;

/** A class with its curriculum, the rule findings of its current revision and its decision trail. */
public record ClassFilingView(TrainingClass trainingClass, List<Course> courses, List<FilingFinding> findings,
        List<StatusChange> history) {
}
