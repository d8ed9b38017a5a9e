//! Uploads: typed by content, hashed, limited in size, readable only by their owner.

use axum::body::Body;
use axum::http::{Request, StatusCode};

use crate::helpers::TestApp;

impl TestApp {
    pub async fn upload_raw(
        &self,
        token: &str,
        content: Vec<u8>,
        declared: &str,
    ) -> crate::helpers::TestResponse {
        self.send(
            Request::post("/api/v1/attachments")
                .header("authorization", format!("Bearer {token}"))
                .header("content-type", declared)
                .body(Body::from(content))
                .expect("request"),
        )
        .await
    }

    /// Uploads a file and returns its id.
    pub async fn upload(&self, token: &str, content: Vec<u8>) -> String {
        let response = self
            .upload_raw(token, content, "application/octet-stream")
            .await;
        assert_eq!(response.status, StatusCode::CREATED, "{}", response.json);
        response.json["id"].as_str().expect("id").to_owned()
    }
}

#[tokio::test]
async fn the_type_comes_from_the_content_and_the_hash_is_kept() {
    let app = TestApp::new().await;
    let token = app.sign_in("hhen").await;
    let png = [
        &[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A][..],
        b"rest",
    ]
    .concat();
    let response = app.upload_raw(&token, png.clone(), "application/pdf").await;
    assert_eq!(response.status, StatusCode::CREATED);
    assert_eq!(response.json["media_type"], "image/png");
    assert_eq!(response.json["size"], png.len());
    use sha2::Digest as _;
    assert_eq!(
        response.json["sha256"],
        format!("{:x}", sha2::Sha256::digest(&png))
    );

    let id = response.json["id"].as_str().unwrap();
    let back = app
        .get_with_token(&format!("/api/v1/attachments/{id}"), &token)
        .await;
    assert_eq!(back.status, StatusCode::OK);
    assert_eq!(back.headers["content-type"], "image/png");
    assert_eq!(back.headers["content-disposition"], "attachment");
    let other = app.sign_in("huy").await;
    assert_eq!(
        app.get_with_token(&format!("/api/v1/attachments/{id}"), &other)
            .await
            .status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn a_file_that_is_not_pdf_jpeg_or_png_is_a_415_whatever_its_name() {
    let app = TestApp::new().await;
    let token = app.sign_in("hhen").await;
    let response = app
        .upload_raw(
            &token,
            b"MZ\x90\x00 not really a pdf".to_vec(),
            "application/pdf",
        )
        .await;
    assert_eq!(response.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert_eq!(response.json["error"], "file_type");
    assert!(
        response.json["message"]["vi"]
            .as_str()
            .unwrap()
            .contains("PDF, JPEG hoặc PNG")
    );
    let empty = app.upload_raw(&token, Vec::new(), "image/png").await;
    assert_eq!(empty.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn a_file_over_the_limit_is_a_413_with_the_limit_in_words() {
    let app = TestApp::new().await;
    let token = app.sign_in("hhen").await;
    let mut big = b"%PDF-1.7\n".to_vec();
    big.resize(1024 * 1024 + 1, b'x');
    let response = app.upload_raw(&token, big, "application/pdf").await;
    assert_eq!(response.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(response.json["error"], "file_too_large");
    assert!(
        response.json["message"]["en"]
            .as_str()
            .unwrap()
            .contains("1 MB")
    );
    assert_eq!(
        app.upload_raw("", b"%PDF-".to_vec(), "application/pdf")
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
}

/// Files in a folder (none if it does not exist).
fn files_in(dir: &std::path::Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .filter(|e| e.path().is_file())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default()
}

#[tokio::test]
async fn a_file_streams_to_disk_in_pieces_and_a_refused_one_leaves_nothing() {
    let app = TestApp::new().await;
    let token = app.sign_in("hhen").await;
    let uploads = app.state.uploads.as_ref().clone();
    // The PNG signature arrives split over three pieces, then 3 MB more in 64 KiB pieces.
    let mut pieces: Vec<Vec<u8>> = vec![
        vec![0x89, b'P', b'N'],
        vec![b'G', 0x0D],
        vec![0x0A, 0x1A, 0x0A],
    ];
    pieces.extend((0..12).map(|i| vec![i as u8; 64 * 1024]));
    let whole: Vec<u8> = pieces.concat();
    let stream = futures_util::stream::iter(
        pieces
            .into_iter()
            .map(|p| Ok::<_, std::io::Error>(axum::body::Bytes::from(p))),
    );
    let response = app
        .send(
            Request::post("/api/v1/attachments")
                .header("authorization", format!("Bearer {token}"))
                .header("content-type", "application/octet-stream")
                .body(Body::from_stream(stream))
                .expect("request"),
        )
        .await;
    assert_eq!(response.status, StatusCode::CREATED, "{}", response.json);
    assert_eq!(response.json["media_type"], "image/png");
    assert_eq!(response.json["size"], whole.len());
    let id = response.json["id"].as_str().unwrap().to_owned();
    assert_eq!(
        files_in(&uploads),
        vec![id.clone()],
        "the file is on disk under its id"
    );
    assert!(files_in(&uploads.join("tmp")).is_empty());
    let back = app
        .send(
            Request::get(format!("/api/v1/attachments/{id}"))
                .header("authorization", format!("Bearer {token}"))
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(
        back.headers["content-length"],
        whole.len().to_string().as_str()
    );

    // Refused uploads (too large, not a PDF, JPEG or PNG) leave no file anywhere.
    let mut big = b"%PDF-1.7\n".to_vec();
    big.resize(1024 * 1024 + 1, b'x');
    assert_eq!(
        app.upload_raw(&token, big, "application/pdf").await.status,
        StatusCode::PAYLOAD_TOO_LARGE
    );
    assert_eq!(
        app.upload_raw(&token, b"GIF89a and more".to_vec(), "image/gif")
            .await
            .status,
        StatusCode::UNSUPPORTED_MEDIA_TYPE
    );
    assert_eq!(files_in(&uploads), vec![id]);
    assert!(files_in(&uploads.join("tmp")).is_empty());
    assert!(uploads.starts_with(app.folder()));
}

#[tokio::test]
async fn a_download_compressed_on_the_way_ends_cleanly() {
    // Schemathesis found this: a compressed download polled the file stream after its end.
    let app = TestApp::new().await;
    let token = app.sign_in("hhen").await;
    let mut pdf = b"%PDF-1.7\n".to_vec();
    pdf.resize(200 * 1024, b'x');
    let id = app.upload(&token, pdf.clone()).await;
    for encoding in ["gzip, deflate", "identity"] {
        let back = app
            .send(
                Request::get(format!("/api/v1/attachments/{id}"))
                    .header("authorization", format!("Bearer {token}"))
                    .header("accept-encoding", encoding)
                    .body(Body::empty())
                    .unwrap(),
            )
            .await;
        assert_eq!(back.status, StatusCode::OK, "{encoding}");
    }
}
