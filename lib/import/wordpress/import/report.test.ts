import { count, emptyReport, reportMarkdown, reportSummary } from './report';

describe('the import report', () => {
  it('lists every loss with its WordPress id, shown as text whatever the title holds', () => {
    const report = emptyReport('export.xml');
    count(report, 'articles written', 2);
    report.losses.push({
      what: 'post',
      wpId: '7',
      title: 'A | table <script>alert(1)</script> **bold**\nsecond line',
      lost: 'its featured picture',
    });
    const markdown = reportMarkdown(report);
    expect(markdown).toContain('| articles written | 2 |');
    expect(markdown).toContain(
      '| post | 7 | A \\| table \\<script\\>alert(1)\\</script\\> \\*\\*bold\\*\\* second line | its featured picture |',
    );
    expect(reportSummary(report, 'import-report.md')).toContain('items that lost something: 1');
  });

  it('says why nothing was written', () => {
    const report = emptyReport('broken.xml');
    report.outcome = 'refused';
    report.error = 'line 3, column 9: unexpected close tag';
    expect(reportMarkdown(report)).toContain('nothing was written');
    expect(reportSummary(report, null)).toContain('line 3, column 9');
  });
});
