package org.mitan.municipality;

/** Published when an urban body is added, so that its staff groups can be made (in the same transaction). */
public record UrbanBodyAdded(String code, String nameEn) {
}
