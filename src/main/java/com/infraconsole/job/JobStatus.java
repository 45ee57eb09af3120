package com.infraconsole.job;

import java.util.Arrays;

/** pending -> running -> success | failed | cancelled | timed_out, stored lower-case. */
public enum JobStatus {
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

    public String dbValue() {
        return name().toLowerCase();
    }

    public static JobStatus fromDbValue(String value) {
        return Arrays.stream(values()).filter(s -> s.dbValue().equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown job status " + value));
    }

    @jakarta.persistence.Converter(autoApply = true)
    static class DbConverter implements jakarta.persistence.AttributeConverter<JobStatus, String> {
        @Override
        public String convertToDatabaseColumn(JobStatus status) {
            return status == null ? null : status.dbValue();
        }

        @Override
        public JobStatus convertToEntityAttribute(String value) {
            return value == null ? null : fromDbValue(value);
        }
    }
}
