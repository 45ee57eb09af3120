package com.infraconsole.job;

import com.infraconsole.base.DbEnum;
import com.infraconsole.base.DbEnumConverter;

/** pending -> running -> success | failed | cancelled | timed_out, stored lower-case. */
public enum JobStatus implements DbEnum {
    PENDING("Pending"),
    RUNNING("Running"),
    SUCCESS("Success"),
    FAILED("Failed"),
    CANCELLED("Cancelled"),
    TIMED_OUT("Timed out");

    private final String label;

    JobStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isFinished() {
        return this != PENDING && this != RUNNING;
    }

    public static JobStatus fromDbValue(String value) {
        return DbEnum.fromDbValue(JobStatus.class, value);
    }

    @jakarta.persistence.Converter(autoApply = true)
    static class DbConverter extends DbEnumConverter<JobStatus> {
        DbConverter() {
            super(JobStatus.class);
        }
    }
}
