// Outbox delivery. The message is built once, as RFC 5322 text with CRLF line ends, and either
// written to `DIR/<id>.eml` (atomically, through a temporary file) or uploaded to an SMTP server
// with libcurl. A mail already marked sent is not sent again, so a retried job is harmless.
#include "core/mail/outbox.h"

#include <curl/curl.h>
#include <fmt/format.h>

#include <ctime>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "core/clock.h"
#include "core/jobs/jobs.h"

namespace parcours::mail {
namespace {

std::string base64(std::string_view data) {
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  std::size_t i = 0;
  for (; i + 2 < data.size(); i += 3) {
    unsigned n = (static_cast<unsigned char>(data[i]) << 16) |
                 (static_cast<unsigned char>(data[i + 1]) << 8) |
                 static_cast<unsigned char>(data[i + 2]);
    out += kAlphabet[(n >> 18) & 63];
    out += kAlphabet[(n >> 12) & 63];
    out += kAlphabet[(n >> 6) & 63];
    out += kAlphabet[n & 63];
  }
  if (i < data.size()) {
    unsigned n = static_cast<unsigned char>(data[i]) << 16;
    if (i + 1 < data.size()) n |= static_cast<unsigned char>(data[i + 1]) << 8;
    out += kAlphabet[(n >> 18) & 63];
    out += kAlphabet[(n >> 12) & 63];
    out += i + 1 < data.size() ? kAlphabet[(n >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

// RFC 2047 encoded-words of at most 75 characters, never splitting a UTF-8 sequence, folded
// onto continuation lines.
std::string encoded_words(std::string_view text) {
  constexpr std::size_t kChunk = 45;  // 45 bytes → 60 base64 characters + 12 of markup
  std::string out;
  while (!text.empty()) {
    std::size_t n = std::min(kChunk, text.size());
    while (n < text.size() && n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;
    if (!out.empty()) out += "\r\n ";
    out += "=?UTF-8?B?" + base64(text.substr(0, n)) + "?=";
    text.remove_prefix(n);
  }
  return out;
}

bool is_ascii(std::string_view s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

void reject_line_breaks(std::string_view value, std::string_view what) {
  if (value.find_first_of("\r\n") != std::string_view::npos) {
    throw std::invalid_argument(fmt::format("{} du courriel contient un saut de ligne", what));
  }
}

// "Nom <adresse>" or "adresse" → the bare address.
std::string address_of(std::string_view mailbox) {
  auto open = mailbox.rfind('<');
  auto close = mailbox.rfind('>');
  if (open != std::string_view::npos && close != std::string_view::npos && close > open) {
    return std::string(mailbox.substr(open + 1, close - open - 1));
  }
  return std::string(mailbox);
}

// Encodes a non-ASCII display name in "Nom <adresse>".
std::string mailbox_header(std::string_view mailbox) {
  auto open = mailbox.rfind('<');
  if (open == std::string_view::npos || is_ascii(mailbox)) return std::string(mailbox);
  std::string_view name = mailbox.substr(0, open);
  while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
  return encoded_words(name) + " " + std::string(mailbox.substr(open));
}

std::string rfc5322_date(std::int64_t unix_seconds) {
  std::time_t t = unix_seconds;
  std::tm tm{};
  gmtime_r(&t, &tm);
  static constexpr const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  return fmt::format("{}, {:02} {} {} {:02}:{:02}:{:02} +0000", kDays[tm.tm_wday], tm.tm_mday,
                     kMonths[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

std::string crlf_lines(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') {
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
      out += "\r\n";
    } else if (text[i] == '\n') {
      out += "\r\n";
    } else {
      out += text[i];
    }
  }
  if (!out.ends_with("\r\n")) out += "\r\n";
  return out;
}

// Base64 in lines of 76 characters (RFC 2045).
std::string base64_lines(std::string_view data) {
  std::string encoded = base64(data);
  std::string out;
  for (std::size_t i = 0; i < encoded.size(); i += 76) out += encoded.substr(i, 76) + "\r\n";
  return out;
}

struct Attachment {
  std::string name, type, data;
};

std::string build_message(std::int64_t id, const std::string& from, const std::string& to,
                          const std::string& subject, const std::string& body,
                          const Attachment& attachment = {}) {
  reject_line_breaks(from, "L'expéditeur");
  reject_line_breaks(to, "Le destinataire");
  std::string from_address = address_of(from);
  auto at = from_address.find('@');
  std::string domain = at == std::string::npos ? "parcours.local" : from_address.substr(at + 1);
  std::int64_t now = now_seconds();
  std::string message;
  message += "From: " + mailbox_header(from) + "\r\n";
  message += "To: " + to + "\r\n";
  message += "Subject: " + encoded_words(subject) + "\r\n";
  message += "Date: " + rfc5322_date(now) + "\r\n";
  message += fmt::format("Message-ID: <outbox-{}.{}@{}>\r\n", id, now, domain);
  message += "MIME-Version: 1.0\r\n";
  if (!attachment.name.empty()) {
    reject_line_breaks(attachment.name, "Le nom de la pièce jointe");
    reject_line_breaks(attachment.type, "Le type de la pièce jointe");
    std::string boundary = fmt::format("=_parcours_{}_{}", id, now);
    message += "Content-Type: multipart/mixed; boundary=\"" + boundary + "\"\r\n\r\n";
    message += "--" + boundary + "\r\n";
    message += "Content-Type: text/plain; charset=UTF-8\r\n";
    message += "Content-Transfer-Encoding: 8bit\r\n\r\n";
    message += crlf_lines(body);
    message += "--" + boundary + "\r\n";
    message += "Content-Type: " + attachment.type + "; name=\"" + attachment.name + "\"\r\n";
    message += "Content-Disposition: attachment; filename=\"" + attachment.name + "\"\r\n";
    message += "Content-Transfer-Encoding: base64\r\n\r\n";
    message += base64_lines(attachment.data);
    message += "--" + boundary + "--\r\n";
    return message;
  }
  message += "Content-Type: text/plain; charset=UTF-8\r\n";
  message += "Content-Transfer-Encoding: 8bit\r\n";
  message += "\r\n";
  message += crlf_lines(body);
  return message;
}

void write_file(const std::filesystem::path& dir, std::int64_t id, const std::string& message) {
  std::filesystem::create_directories(dir);
  auto final_path = dir / fmt::format("{}.eml", id);
  auto temp_path = dir / fmt::format(".{}.eml.tmp", id);
  {
    std::ofstream out(temp_path, std::ios::binary | std::ios::trunc);
    out << message;
    out.flush();
    if (!out)
      throw std::runtime_error(fmt::format("écriture de {} impossible", temp_path.string()));
  }
  std::filesystem::rename(temp_path, final_path);
}

void send_smtp(const std::string& url, const std::string& from, const std::string& to,
               const std::string& message) {
  struct Upload {
    std::string_view rest;
  } upload{message};
  auto read = +[](char* buffer, std::size_t size, std::size_t count, void* user) -> std::size_t {
    auto* up = static_cast<Upload*>(user);
    std::size_t n = std::min(size * count, up->rest.size());
    std::copy_n(up->rest.data(), n, buffer);
    up->rest.remove_prefix(n);
    return n;
  };
  CURL* curl = curl_easy_init();
  if (!curl) throw std::runtime_error("libcurl indisponible");
  std::string mail_from = fmt::format("<{}>", address_of(from));
  std::string rcpt = fmt::format("<{}>", address_of(to));
  curl_slist* recipients = curl_slist_append(nullptr, rcpt.c_str());
  char error[CURL_ERROR_SIZE] = {};
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_MAIL_FROM, mail_from.c_str());
  curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, recipients);
  curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(curl, CURLOPT_READFUNCTION, read);
  curl_easy_setopt(curl, CURLOPT_READDATA, &upload);
  curl_easy_setopt(curl, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(message.size()));
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 10L);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, 60L);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error);
  CURLcode rc = curl_easy_perform(curl);
  curl_slist_free_all(recipients);
  curl_easy_cleanup(curl);
  if (rc != CURLE_OK) {
    throw std::runtime_error(fmt::format("envoi SMTP vers {} impossible : {}", url,
                                         *error ? error : curl_easy_strerror(rc)));
  }
}

}  // namespace

std::int64_t queue_mail(store::Connection& conn, const Mail& mail) {
  auto queue = [&] {
    auto row = conn.query_one(
        "INSERT INTO outbox (to_address, subject, body, created_at, attempts, attachment_name, "
        "attachment_type, attachment) VALUES ($1, $2, $3, $4, 0, $5, $6, $7) RETURNING id",
        {mail.to, mail.subject, mail.text, now_seconds(),
         mail.attachment_name.empty() ? store::Value(nullptr) : store::Value(mail.attachment_name),
         mail.attachment_type, mail.attachment});
    std::int64_t id = row->integer(0);
    jobs::enqueue_job(conn, "mail.send", fmt::format(R"({{"outbox_id":{}}})", id));
    return id;
  };
  if (conn.in_transaction()) return queue();
  return store::with_transaction(conn, queue);
}

void deliver(store::Connection& conn, std::int64_t outbox_id, const std::string& transport,
             const std::string& from) {
  auto row = conn.query_one(
      "SELECT to_address, subject, body, sent_at, attachment_name, attachment_type, attachment "
      "FROM outbox WHERE id = $1",
      {outbox_id});
  if (!row) throw std::runtime_error(fmt::format("courriel {} introuvable", outbox_id));
  if (!row->is_null(3)) return;
  std::string message = build_message(outbox_id, from, row->text(0), row->text(1), row->text(2),
                                      {row->text(4), row->text(5), row->text(6)});
  if (transport.starts_with("file:")) {
    write_file(transport.substr(5), outbox_id, message);
  } else if (transport.starts_with("smtp://") || transport.starts_with("smtps://")) {
    send_smtp(transport, from, row->text(0), message);
  } else {
    throw std::invalid_argument(fmt::format(
        "Transport de courriel invalide « {} » : attendu file:DOSSIER ou smtp://hote:port",
        transport));
  }
  conn.execute("UPDATE outbox SET sent_at = $2, attempts = attempts + 1 WHERE id = $1",
               {outbox_id, now_seconds()});
}

}  // namespace parcours::mail
