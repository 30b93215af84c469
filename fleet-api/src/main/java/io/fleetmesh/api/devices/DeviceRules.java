package io.fleetmesh.api.devices;

import java.util.regex.Pattern;

/** What a device's fields may hold. The id is one token of every subject the device uses (DESIGN §2). */
public final class DeviceRules {

    public static final String ID = "[a-z0-9-]{1,64}";
    public static final String ID_RULE = "must be 1-64 characters of a-z, 0-9 and -";
    public static final String KIND = "[a-z0-9-]{1,32}";
    static final String KIND_RULE = "must be 1-32 characters of a-z, 0-9 and -";
    public static final String TAG = "[A-Za-z0-9_.:-]{1,64}";
    static final String TAG_RULE = "must be 1-64 characters of A-Z, a-z, 0-9 and _.:-";
    private static final Pattern ID_PATTERN = Pattern.compile(ID);

    private DeviceRules() {
    }

    public static boolean isValidId(String id) {
        return id != null && ID_PATTERN.matcher(id).matches();
    }
}
