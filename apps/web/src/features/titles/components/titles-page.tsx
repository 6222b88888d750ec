export function TitlesPage() {
  return null;
}
