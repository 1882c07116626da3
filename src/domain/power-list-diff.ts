// Power and responsibility lists (权力清单 / 责任清单) are updated dynamically: every change makes a new
// version. The public sees what changed between two versions as a readable diff: items added,
// removed, and changed field by field, with the changed text marked inside long fields.
// Items are identified across versions by their code (事项编码), so a renamed item is a change,
// not a removal plus an addition.

export const POWER_TYPES = [
  'licensing', 'penalty', 'coercion', 'levy', 'benefit', 'inspection', 'confirmation', 'reward', 'adjudication', 'other',
] as const;
export type PowerType = (typeof POWER_TYPES)[number];

/** The ten types of administrative power as the lists name them. */
export const POWER_TYPE_LABELS: Readonly<Record<PowerType, string>> = {
  licensing: '行政许可',
  penalty: '行政处罚',
  coercion: '行政强制',
  levy: '行政征收',
  benefit: '行政给付',
  inspection: '行政检查',
  confirmation: '行政确认',
  reward: '行政奖励',
  adjudication: '行政裁决',
  other: '其他行政权力',
};

export const POWER_TYPE_LABELS_EN: Readonly<Record<PowerType, string>> = {
  licensing: 'Licensing',
  penalty: 'Penalty',
  coercion: 'Coercive measure',
  levy: 'Levy',
  benefit: 'Benefit payment',
  inspection: 'Inspection',
  confirmation: 'Confirmation',
  reward: 'Reward',
  adjudication: 'Adjudication',
  other: 'Other power',
};

export function isPowerType(v: string): v is PowerType {
  return (POWER_TYPES as readonly string[]).includes(v);
}

export interface PowerItem {
  code: string;
  type: PowerType;
  name: string;
  legalBasis: string;
  department: string;
  responsibilities: string;
  accountability: string;
}

export type PowerField = Exclude<keyof PowerItem, 'code'>;

export const POWER_FIELDS: readonly PowerField[] = ['type', 'name', 'legalBasis', 'department', 'responsibilities', 'accountability'];

export const POWER_FIELD_LABELS: Readonly<Record<PowerField, string>> = {
  type: '权力类型',
  name: '事项名称',
  legalBasis: '设定依据',
  department: '实施主体',
  responsibilities: '责任事项',
  accountability: '追责情形',
};

export type TextOp = 'same' | 'add' | 'del';
export interface TextSegment {
  op: TextOp;
  text: string;
}

export interface FieldChange {
  field: PowerField;
  before: string;
  after: string;
  /** The change marked inside the text (character level; whole replacement for very long texts). */
  segments: TextSegment[];
}

export interface ItemChange {
  code: string;
  name: string;
  changes: FieldChange[];
}

export interface PowerListDiff {
  added: PowerItem[];
  removed: PowerItem[];
  changed: ItemChange[];
  unchanged: number;
}

// Above this many cells the LCS table costs more than the marking is worth.
const MAX_LCS_CELLS = 4_000_000;

/**
 * Character-level diff (longest common subsequence), merged into runs. Works on code points, so
 * characters outside the BMP are never split.
 */
export function diffText(before: string, after: string): TextSegment[] {
  if (before === after) return before === '' ? [] : [{ op: 'same', text: before }];
  const a = [...before];
  const b = [...after];
  // Common prefix and suffix are cheap to take off first.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const out: TextSegment[] = [];
  const push = (op: TextOp, text: string) => {
    if (text === '') return;
    const last = out[out.length - 1];
    if (last && last.op === op) last.text += text;
    else out.push({ op, text });
  };
  push('same', a.slice(0, start).join(''));
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  if ((midA.length + 1) * (midB.length + 1) > MAX_LCS_CELLS) {
    push('del', midA.join(''));
    push('add', midB.join(''));
  } else {
    const n = midA.length;
    const m = midB.length;
    // lcs[i][j] = LCS length of midA[i..] and midB[j..], flattened.
    const w = m + 1;
    const lcs = new Uint32Array((n + 1) * w);
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        lcs[i * w + j] = midA[i] === midB[j] ? lcs[(i + 1) * w + j + 1] + 1 : Math.max(lcs[(i + 1) * w + j], lcs[i * w + j + 1]);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && midA[i] === midB[j]) {
        push('same', midA[i]);
        i++;
        j++;
      } else if (j < m && (i === n || lcs[i * w + j + 1] >= lcs[(i + 1) * w + j])) {
        push('add', midB[j]);
        j++;
      } else {
        push('del', midA[i]);
        i++;
      }
    }
  }
  push('same', a.slice(endA).join(''));
  return out;
}

/** Compares two versions of a list item by item (by code), in the order of the newer list. */
export function diffPowerLists(before: readonly PowerItem[], after: readonly PowerItem[]): PowerListDiff {
  const old = new Map(before.map((i) => [i.code, i]));
  const next = new Map(after.map((i) => [i.code, i]));
  const added: PowerItem[] = [];
  const changed: ItemChange[] = [];
  let unchanged = 0;
  for (const item of after) {
    const prev = old.get(item.code);
    if (!prev) {
      added.push(item);
      continue;
    }
    const changes: FieldChange[] = [];
    for (const field of POWER_FIELDS) {
      const x = String(prev[field]);
      const y = String(item[field]);
      if (x !== y) {
        const segments = field === 'type'
          ? [{ op: 'del' as const, text: POWER_TYPE_LABELS[prev.type] }, { op: 'add' as const, text: POWER_TYPE_LABELS[item.type] }]
          : diffText(x, y);
        changes.push({ field, before: x, after: y, segments });
      }
    }
    if (changes.length > 0) changed.push({ code: item.code, name: item.name, changes });
    else unchanged++;
  }
  const removed = before.filter((i) => !next.has(i.code));
  return { added, removed, changed, unchanged };
}

/** Whether two versions differ at all (a new version must change something). */
export function isEmptyDiff(d: PowerListDiff): boolean {
  return d.added.length === 0 && d.removed.length === 0 && d.changed.length === 0;
}

/** A one-line Chinese summary: 新增 2 项，删除 1 项，调整 3 项. */
export function summarizeDiff(d: PowerListDiff): string {
  const parts: string[] = [];
  if (d.added.length) parts.push(`新增 ${d.added.length} 项`);
  if (d.removed.length) parts.push(`取消 ${d.removed.length} 项`);
  if (d.changed.length) parts.push(`调整 ${d.changed.length} 项`);
  return parts.length ? parts.join('，') : '无变化';
}
