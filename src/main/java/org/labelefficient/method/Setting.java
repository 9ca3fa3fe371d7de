package org.labelefficient.method;

/** A documented method setting: its snake_case key, default value and meaning. */
public record Setting(String key, String defaultValue, String description) {}
