-- Assessment (R18–R20, R25): who typed a score or self-evaluation (a class teacher may enter them on behalf of a
-- trainee without an account), and the parts of each trainee's result, shown in the organiser's review.
ALTER TABLE score ADD COLUMN recorded_by VARCHAR(64);
ALTER TABLE self_evaluation ADD COLUMN written_by VARCHAR(64);

ALTER TABLE assessment_result ADD COLUMN attendance_points DECIMAL(5,1);
ALTER TABLE assessment_result ADD COLUMN teacher_total DECIMAL(6,2);
ALTER TABLE assessment_result ADD COLUMN lecturer_average DECIMAL(6,2);
ALTER TABLE assessment_result ADD COLUMN liaison_average DECIMAL(6,2);
ALTER TABLE assessment_result ADD COLUMN peer_average DECIMAL(6,2);
ALTER TABLE assessment_result ADD COLUMN computed_at TIMESTAMP;
