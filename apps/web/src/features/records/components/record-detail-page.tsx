export function RecordDetailPage() {
  return null;
}
