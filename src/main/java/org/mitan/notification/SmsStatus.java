package org.mitan.notification;

public enum SmsStatus {
    PENDING,
    SENT,
    FAILED
}
