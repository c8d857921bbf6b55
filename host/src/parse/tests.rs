use super::*;

fn md(source: &str) -> Vec<Block> {
    parse_document("repo", "doc.md", Format::Markdown, source).blocks
}

/// (kind, text, line, column) of each block.
fn summary(blocks: &[Block]) -> Vec<(BlockKind, &str, u32, u32)> {
    blocks
        .iter()
        .map(|b| (b.kind, b.text.as_str(), b.line, b.column))
        .collect()
}

fn assert_text_is_source_slice(source: &str, blocks: &[Block]) {
    for b in blocks {
        assert_eq!(
            &source[b.span.start as usize..b.span.end as usize],
            b.text,
            "block text must be the exact source slice"
        );
    }
}

#[test]
fn headings_paragraphs_and_heading_paths() {
    let src = "# Runbook\n\nIntro text.\n\n## Step one\n\nDo it.\n\n# Next\n\nMore.\n";
    let blocks = md(src);
    assert_text_is_source_slice(src, &blocks);
    assert_eq!(
        summary(&blocks),
        vec![
            (BlockKind::Heading, "Runbook", 1, 3),
            (BlockKind::Paragraph, "Intro text.", 3, 1),
            (BlockKind::Heading, "Step one", 5, 4),
            (BlockKind::Paragraph, "Do it.", 7, 1),
            (BlockKind::Heading, "Next", 9, 3),
            (BlockKind::Paragraph, "More.", 11, 1),
        ]
    );
    assert_eq!(blocks[3].heading_path, vec!["Runbook", "Step one"]);
    assert_eq!(blocks[5].heading_path, vec!["Next"]);
}

#[test]
fn crlf_line_endings_give_the_same_lines() {
    let src = "# T\r\n\r\nfirst line\r\nsecond `vMotion` line\r\n";
    let blocks = md(src);
    assert_text_is_source_slice(src, &blocks);
    let code = blocks
        .iter()
        .find(|b| b.kind == BlockKind::InlineCode)
        .unwrap();
    assert_eq!(
        (code.text.as_str(), code.line, code.column),
        ("`vMotion`", 4, 8)
    );
    let para = blocks
        .iter()
        .find(|b| b.kind == BlockKind::Paragraph)
        .unwrap();
    assert_eq!(para.text, "first line\r\nsecond `vMotion` line");
    assert_eq!(para.line, 3);
}

#[test]
fn front_matter_is_a_yaml_code_block_and_lines_after_it_are_right() {
    let src = "---\ntitle: vSphere patching\ntags: [esxi]\n---\n\n# Patch\n\nBody\n";
    let blocks = md(src);
    assert_text_is_source_slice(src, &blocks);
    assert_eq!(blocks[0].kind, BlockKind::Code);
    assert_eq!(blocks[0].language.as_deref(), Some("yaml"));
    assert_eq!(blocks[0].line, 2);
    assert!(blocks[0].text.starts_with("title: vSphere patching"));
    let heading = blocks
        .iter()
        .find(|b| b.kind == BlockKind::Heading)
        .unwrap();
    assert_eq!((heading.line, heading.text.as_str()), (6, "Patch"));
}

#[test]
fn nested_lists_give_one_block_per_item_text() {
    let src = "- outer one\n  - inner a\n  - inner b\n- outer two\n";
    let blocks = md(src);
    assert_text_is_source_slice(src, &blocks);
    assert_eq!(
        summary(&blocks),
        vec![
            (BlockKind::ListItem, "outer one", 1, 3),
            (BlockKind::ListItem, "inner a", 2, 5),
            (BlockKind::ListItem, "inner b", 3, 5),
            (BlockKind::ListItem, "outer two", 4, 3),
        ]
    );
}

#[test]
fn code_fence_inside_a_list_item_keeps_its_language_and_lines() {
    let src = "1. Connect first:\n\n   ```powershell\n   Connect-VIServer vc01\n   Move-VM -VM web01\n   ```\n\n2. Then check.\n";
    let blocks = md(src);
    assert_text_is_source_slice(src, &blocks);
    let code = blocks.iter().find(|b| b.kind == BlockKind::Code).unwrap();
    assert_eq!(code.language.as_deref(), Some("powershell"));
    assert_eq!((code.line, code.column), (4, 4));
    assert!(code.text.starts_with("Connect-VIServer vc01\n"));
    assert!(code.text.contains("Move-VM -VM web01"));
    let items: Vec<_> = blocks
        .iter()
        .filter(|b| b.kind == BlockKind::ListItem)
        .map(|b| (b.text.as_str(), b.line))
        .collect();
    assert_eq!(items, vec![("Connect first:", 1), ("Then check.", 8)]);
}

#[test]
fn tables_links_and_inline_code() {
    let src = "| Host | Tool |\n|---|---|\n| esx01 | [govc](https://example.com/govc) |\n";
    let blocks = md(src);
    assert_text_is_source_slice(src, &blocks);
    let cells: Vec<_> = blocks
        .iter()
        .filter(|b| b.kind == BlockKind::TableCell)
        .map(|b| b.text.as_str())
        .collect();
    assert_eq!(
        cells,
        vec!["Host", "Tool", "esx01", "[govc](https://example.com/govc)"]
    );
    let link = blocks.iter().find(|b| b.kind == BlockKind::Link).unwrap();
    assert_eq!(link.target.as_deref(), Some("https://example.com/govc"));
    assert_eq!((link.line, link.column), (3, 11));
}

#[test]
fn html_blocks_are_not_scanned_and_unicode_columns_count_chars() {
    let src = "<div>\nvMotion here is html\n</div>\n\nÜber `esxcli`\n";
    let blocks = md(src);
    assert_text_is_source_slice(src, &blocks);
    assert!(blocks.iter().all(|b| !b.text.contains("html")));
    let code = blocks
        .iter()
        .find(|b| b.kind == BlockKind::InlineCode)
        .unwrap();
    assert_eq!((code.line, code.column), (5, 6));
}

#[test]
fn scripts_are_one_code_block() {
    let src = "Connect-VIServer vc01\r\nGet-VM\r\n";
    let doc = parse_document("r", "a/b.ps1", Format::Powershell, src);
    assert_eq!(doc.blocks.len(), 1);
    assert_eq!(doc.blocks[0].kind, BlockKind::Code);
    assert_eq!(doc.blocks[0].language.as_deref(), Some("powershell"));
    assert_eq!(doc.blocks[0].text, src);
    assert!(
        parse_document("r", "e.sh", Format::Shell, "")
            .blocks
            .is_empty()
    );
}

#[test]
fn formats_come_from_extensions() {
    assert_eq!(format_for_path("a/B.MD"), Some(Format::Markdown));
    assert_eq!(format_for_path("x.psm1"), Some(Format::Powershell));
    assert_eq!(format_for_path("main.tf"), Some(Format::Hcl));
    assert_eq!(format_for_path("image.png"), None);
    assert_eq!(format_for_path("Makefile"), None);
}
