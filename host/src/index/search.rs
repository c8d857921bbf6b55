//! `opgap search`: tantivy's query syntax over section headings, prose and
//! code, narrowed by repository, layer, construct and per-stack fidelity,
//! with highlighted snippets and facet counts.

use std::ops::Range;

use anyhow::{Context, Result};
use serde::Serialize;
use tantivy::collector::{Count, FacetCollector, TopDocs};
use tantivy::query::{AllQuery, BooleanQuery, Occur, Query, QueryParser};
use tantivy::schema::{Field, Value};
use tantivy::snippet::SnippetGenerator;
use tantivy::{Searcher, TantivyDocument};

use super::{RunbookIndex, term_query};

pub const SCHEMA: &str = "opgap.search/1";

#[derive(Debug, Clone, Default)]
pub struct SearchRequest {
    /// tantivy query syntax; empty matches every section.
    pub query: String,
    pub repos: Vec<String>,
    pub layers: Vec<String>,
    pub constructs: Vec<String>,
    /// Sections with a construct of this fidelity (`none`, `partial`,
    /// `equivalent`) on `stack`, or on any stack when `stack` is `None`.
    pub fidelity: Option<String>,
    pub stack: Option<String>,
    pub limit: usize,
}

#[derive(Debug, Serialize)]
pub struct SearchResults {
    pub schema: &'static str,
    pub query: String,
    /// Sections matching, of which `hits` are the best.
    pub total: usize,
    pub hits: Vec<Hit>,
    /// Matching sections per repository, layer and construct.
    pub facets: Facets,
}

#[derive(Debug, Serialize)]
pub struct Hit {
    pub score: f32,
    pub repo: String,
    pub path: String,
    pub line: u64,
    pub heading_path: Vec<String>,
    pub constructs: Vec<String>,
    /// The best-matching passage, from the prose or else the code.
    pub snippet: Snippet,
}

#[derive(Debug, Serialize)]
pub struct Snippet {
    /// `prose` or `code`.
    pub from: &'static str,
    pub text: String,
    /// Byte ranges of `text` that matched the query.
    pub highlights: Vec<Range<usize>>,
}

#[derive(Debug, Default, Serialize)]
pub struct Facets {
    pub repo: Vec<FacetCount>,
    pub layer: Vec<FacetCount>,
    pub construct: Vec<FacetCount>,
}

#[derive(Debug, Serialize)]
pub struct FacetCount {
    pub value: String,
    pub sections: u64,
}

const SNIPPET_CHARS: usize = 160;
const STACKS: [&str; 4] = ["libvirt", "proxmox", "ovirt", "openstack"];

pub fn search(index: &RunbookIndex, request: &SearchRequest) -> Result<SearchResults> {
    let f = index.fields();
    let searcher = index.searcher()?;
    let mut parser = QueryParser::for_index(index.tantivy(), vec![f.heading, f.prose, f.code]);
    parser.set_conjunction_by_default();
    parser.set_field_boost(f.heading, 2.0);
    let text: Box<dyn Query> = if request.query.trim().is_empty() {
        Box::new(AllQuery)
    } else {
        parser
            .parse_query(&request.query)
            .with_context(|| format!("invalid query {:?}", request.query))?
    };
    let mut clauses = vec![
        (Occur::Must, term_query(f.kind, "section")),
        (Occur::Must, text.box_clone()),
    ];
    let any_of = |field: Field, values: &[String]| -> Option<(Occur, Box<dyn Query>)> {
        (!values.is_empty()).then(|| {
            let terms = values
                .iter()
                .map(|v| (Occur::Should, term_query(field, v)))
                .collect();
            (
                Occur::Must,
                Box::new(BooleanQuery::new(terms)) as Box<dyn Query>,
            )
        })
    };
    clauses.extend(any_of(f.repo, &request.repos));
    clauses.extend(any_of(f.layer, &request.layers));
    clauses.extend(any_of(f.construct, &request.constructs));
    if let Some(fidelity) = &request.fidelity {
        let pairs: Vec<String> = match &request.stack {
            Some(stack) => vec![format!("{stack}:{fidelity}")],
            None => STACKS.iter().map(|s| format!("{s}:{fidelity}")).collect(),
        };
        clauses.extend(any_of(f.fidelity, &pairs));
    }
    let query = BooleanQuery::new(clauses);

    let mut facet_collector = FacetCollector::for_field("facets");
    for root in ["/repo", "/layer", "/construct"] {
        facet_collector.add_facet(root);
    }
    let limit = request.limit.max(1);
    let (top, total, facet_counts) = searcher.search(
        &query,
        &(
            TopDocs::with_limit(limit).order_by_score(),
            Count,
            facet_collector,
        ),
    )?;
    let count = |root: &str| -> Vec<FacetCount> {
        let mut counts: Vec<FacetCount> = facet_counts
            .get(root)
            .map(|(facet, n)| FacetCount {
                value: facet
                    .to_path()
                    .last()
                    .map(|s| s.to_string())
                    .unwrap_or_default(),
                sections: n,
            })
            .collect();
        counts.sort_by(|a, b| b.sections.cmp(&a.sections).then(a.value.cmp(&b.value)));
        counts
    };
    let facets = Facets {
        repo: count("/repo"),
        layer: count("/layer"),
        construct: count("/construct"),
    };

    let snippets = Snippets::new(&searcher, &*text, index)?;
    let mut hits = Vec::with_capacity(top.len());
    for (score, address) in top {
        let doc: TantivyDocument = searcher.doc(address)?;
        let texts = |field| -> Vec<String> {
            doc.get_all(field)
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect()
        };
        let first = |field| texts(field).into_iter().next().unwrap_or_default();
        hits.push(Hit {
            score,
            repo: first(f.repo),
            path: first(f.path),
            line: doc.get_first(f.line).and_then(|v| v.as_u64()).unwrap_or(1),
            heading_path: texts(f.heading),
            constructs: texts(f.construct),
            snippet: snippets.best(&doc),
        });
    }
    Ok(SearchResults {
        schema: SCHEMA,
        query: request.query.clone(),
        total,
        hits,
        facets,
    })
}

struct Snippets {
    prose: SnippetGenerator,
    code: SnippetGenerator,
    prose_field: Field,
    code_field: Field,
}

impl Snippets {
    fn new(searcher: &Searcher, query: &dyn Query, index: &RunbookIndex) -> Result<Self> {
        let f = index.fields();
        let make = |field| -> Result<SnippetGenerator> {
            let mut g = SnippetGenerator::create(searcher, query, field)?;
            g.set_max_num_chars(SNIPPET_CHARS);
            Ok(g)
        };
        Ok(Self {
            prose: make(f.prose)?,
            code: make(f.code)?,
            prose_field: f.prose,
            code_field: f.code,
        })
    }

    /// The prose passage if the query matched there, else the code one,
    /// else the start of the prose (the heading matched).
    fn best(&self, doc: &TantivyDocument) -> Snippet {
        let prose = self.prose.snippet_from_doc(doc);
        if !prose.highlighted().is_empty() {
            return snippet("prose", prose);
        }
        let code = self.code.snippet_from_doc(doc);
        if !code.highlighted().is_empty() {
            return snippet("code", code);
        }
        let (from, field) = match doc.get_first(self.prose_field).and_then(|v| v.as_str()) {
            Some(p) if !p.trim().is_empty() => ("prose", self.prose_field),
            _ => ("code", self.code_field),
        };
        let text: String = doc
            .get_first(field)
            .and_then(|v| v.as_str())
            .unwrap_or_default()
            .chars()
            .take(SNIPPET_CHARS)
            .collect();
        Snippet {
            from,
            text,
            highlights: Vec::new(),
        }
    }
}

fn snippet(from: &'static str, s: tantivy::snippet::Snippet) -> Snippet {
    Snippet {
        from,
        text: s.fragment().to_string(),
        highlights: s.highlighted().to_vec(),
    }
}
