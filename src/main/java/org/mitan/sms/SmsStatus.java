package org.mitan.sms;

public enum SmsStatus {
    PENDING,
    SENT,
    FAILED
}
