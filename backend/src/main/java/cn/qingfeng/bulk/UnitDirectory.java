package cn.qingfeng.bulk;

import cn.qingfeng.unit.UnitEntity;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The bureau's units by code and by name, loaded once per import (a few hundred rows). Whether the
 * importer may use a unit is the ledger's own rule, checked by its service; this only resolves.
 */
public final class UnitDirectory {

    private final Map<String, UnitEntity> byCode = new HashMap<>();
    private final Map<String, List<UnitEntity>> byName = new HashMap<>();
    private final Map<UUID, UnitEntity> byId = new HashMap<>();

    public UnitDirectory(List<UnitEntity> units) {
        for (UnitEntity u : units) {
            byCode.put(u.code.toUpperCase(Locale.ROOT), u);
            byName.computeIfAbsent(u.name, k -> new java.util.ArrayList<>()).add(u);
            byId.put(u.id, u);
        }
    }

    public UnitEntity resolve(String typed) throws CellValues.Unreadable {
        String t = typed.trim();
        UnitEntity u = byCode.get(t.toUpperCase(Locale.ROOT));
        if (u != null) {
            return u;
        }
        List<UnitEntity> named = byName.getOrDefault(t, List.of());
        if (named.size() > 1) {
            throw new CellValues.Unreadable("有 " + named.size() + " 个单位名为“" + t + "”，请改填单位编码："
                    + String.join("、", named.stream().map(n -> n.code).toList()));
        }
        if (named.isEmpty()) {
            throw new CellValues.Unreadable("找不到单位“" + t + "”（可填单位编码或全称）");
        }
        return named.get(0);
    }

    /** How a sheet names the unit: its name, or its code where the name is not unique. */
    public String label(UUID id) {
        UnitEntity u = byId.get(id);
        if (u == null) {
            return null;
        }
        return byName.getOrDefault(u.name, List.of()).size() > 1 ? u.code : u.name;
    }
}
