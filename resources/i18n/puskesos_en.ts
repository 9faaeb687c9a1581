<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="id_ID">
<context>
    <name>about</name>
    <message>
        <source>Tentang Puskesos Kiosk</source>
        <translation>About Puskesos Kiosk</translation>
    </message>
    <message>
        <source>Versi {0}. Qt {1} melalui Qt for Python (PySide6 {2}) di bawah lisensi LGPL-3.0; Python {3}. Teks lisensi ada di bawah dan ikut terpasang bersama program.</source>
        <translation>Version {0}. Qt {1} through Qt for Python (PySide6 {2}) under the LGPL-3.0 licence; Python {3}. The licence texts are below and are installed with the program.</translation>
    </message>
    <message>
        <source>Komponen dan lisensinya</source>
        <translation>Components and their licences</translation>
    </message>
    <message>
        <source>Komponen</source>
        <translation>Component</translation>
    </message>
    <message>
        <source>Versi</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Lisensi</source>
        <translation>Licence</translation>
    </message>
    <message>
        <source>Teks lisensi</source>
        <translation>Licence text</translation>
    </message>
    <message>
        <source>Isi teks lisensi</source>
        <translation>Licence text content</translation>
    </message>
</context>
<context>
    <name>access_guides</name>
    <message>
        <source>Panduan melayani warga disabilitas</source>
        <translation>Guide for serving citizens with disabilities</translation>
    </message>
    <message>
        <source>Tulis panduan singkat kantor ini untuk tiap kebutuhan akses: tampil di layar petugas saat warga mendaftar dan di kasus. Paling panjang {0} huruf; kosongkan untuk kembali ke panduan bawaan.</source>
        <translation>Write this office&apos;s short guide for each access need: it shows on the officer&apos;s screen when the citizen registers and on the case. At most {0} characters; leave empty to return to the shipped guide.</translation>
    </message>
    <message>
        <source>&amp;Simpan panduan</source>
        <translation>&amp;Save guide</translation>
    </message>
    <message>
        <source>Daftar &amp;rujukan</source>
        <translation>Reference l&amp;ists</translation>
    </message>
    <message>
        <source>Tambah kebutuhan akses…</source>
        <translation>Add an access need…</translation>
    </message>
    <message>
        <source>Muat ulang daftar bawaan</source>
        <translation>Reload the shipped lists</translation>
    </message>
    <message>
        <source>Memuat ulang daftar rujukan bawaan (kebutuhan akses, sektor, lembaga, hari libur, program), mis. setelah pembaruan aplikasi. Panduan kantor tetap.</source>
        <translation>Reloads the shipped reference lists (access needs, sectors, institutions, holidays, programmes), e.g. after an update of the application. The office&apos;s own guides stay.</translation>
    </message>
    <message>
        <source>Tambah kebutuhan akses</source>
        <translation>Add an access need</translation>
    </message>
    <message>
        <source>&amp;Nama kebutuhan</source>
        <translation>&amp;Name of the need</translation>
    </message>
    <message>
        <source>&amp;Kode (huruf kecil, tanpa spasi)</source>
        <translation>&amp;Code (lower case, no spaces)</translation>
    </message>
    <message>
        <source>Tambah</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Ditambahkan: {0}.</source>
        <translation>Added: {0}.</translation>
    </message>
    <message>
        <source>Daftar rujukan bawaan dimuat ulang ({0} baris).</source>
        <translation>Shipped reference lists reloaded ({0} rows).</translation>
    </message>
    <message>
        <source>Panduan: {0}</source>
        <translation>Guide: {0}</translation>
    </message>
    <message>
        <source>Tidak ada yang berubah.</source>
        <translation>Nothing changed.</translation>
    </message>
    <message>
        <source>Tersimpan: {0}.</source>
        <translation>Saved: {0}.</translation>
    </message>
</context>
<context>
    <name>approvals</name>
    <message>
        <source>Persetujuan</source>
        <translation>Approvals</translation>
    </message>
    <message>
        <source>Nomor lacak</source>
        <translation>Tracking number</translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Warga</source>
        <translation>Citizen</translation>
    </message>
    <message>
        <source>Langkah</source>
        <translation>Step</translation>
    </message>
    <message>
        <source>Ringkasan</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>DARURAT</source>
        <translation>URGENT</translation>
    </message>
    <message>
        <source> (putaran {0})</source>
        <translation> (round {0})</translation>
    </message>
    <message>
        <source>Menunggu persetujuan Anda</source>
        <translation>Waiting for your approval</translation>
    </message>
    <message>
        <source>Rincian kasus yang diajukan</source>
        <translation>Details of the submitted case</translation>
    </message>
    <message>
        <source>&amp;Setujui (Ctrl+Enter)</source>
        <translation>&amp;Approve (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>&amp;Tolak dan kembalikan…</source>
        <translation>&amp;Refuse and return…</translation>
    </message>
    <message>
        <source>{0} pengajuan menunggu keputusan Anda.</source>
        <translation>{0} submissions wait for your decision.</translation>
    </message>
    <message>
        <source>Tidak ada pengajuan yang menunggu keputusan Anda.</source>
        <translation>No submission is waiting for your decision.</translation>
    </message>
    <message>
        <source>Pilih dulu pengajuan di daftar.</source>
        <translation>First choose a submission in the list.</translation>
    </message>
    <message>
        <source>Eskalasi tidak dikembalikan: terima, lalu beri arahan di halaman Kasus.</source>
        <translation>An escalation is not returned: take it up, then give directions on the Cases page.</translation>
    </message>
    <message>
        <source>Tolak dan kembalikan</source>
        <translation>Refuse and return</translation>
    </message>
    <message>
        <source>&amp;Alasan penolakan</source>
        <translation>&amp;Reason for refusal</translation>
    </message>
    <message>
        <source>Tolak</source>
        <translation>Refuse</translation>
    </message>
    <message>
        <source>Pengajuan kembali ke petugas pengirim dengan alasan ini.</source>
        <translation>The submission returns to the officer who sent it, with this reason.</translation>
    </message>
</context>
<context>
    <name>audit</name>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Waktu</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Petugas</source>
        <translation>Officer</translation>
    </message>
    <message>
        <source>Tindakan</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Rincian</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>nama pengguna</source>
        <translation>user name</translation>
    </message>
    <message>
        <source>Saring menurut petugas</source>
        <translation>Filter by officer</translation>
    </message>
    <message>
        <source>Saring menurut tindakan</source>
        <translation>Filter by action</translation>
    </message>
    <message>
        <source>Semua tindakan</source>
        <translation>All actions</translation>
    </message>
    <message>
        <source>nomor data</source>
        <translation>record number</translation>
    </message>
    <message>
        <source>Saring menurut nomor data</source>
        <translation>Filter by record number</translation>
    </message>
    <message>
        <source>&amp;Saring</source>
        <translation>&amp;Filter</translation>
    </message>
    <message>
        <source>&amp;Dari tanggal</source>
        <translation>From &amp;date</translation>
    </message>
    <message>
        <source>Sa&amp;mpai tanggal</source>
        <translation>&amp;Until date</translation>
    </message>
    <message>
        <source>&amp;Tampilkan</source>
        <translation>&amp;Show</translation>
    </message>
    <message>
        <source>&amp;Periksa keutuhan jejak audit</source>
        <translation>&amp;Check the audit trail is intact</translation>
    </message>
    <message>
        <source>Jejak audit</source>
        <translation>Audit trail</translation>
    </message>
    <message>
        <source>Hasil pemeriksaan</source>
        <translation>Check result</translation>
    </message>
    <message>
        <source>Jejak audit utuh: {0} entri diperiksa.</source>
        <translation>Audit trail intact: {0} entries checked.</translation>
    </message>
    <message>
        <source>JEJAK AUDIT RUSAK mulai entri no. {0}: {1} Laporkan ke supervisor dan simpan cadangan hari ini sebagai bukti.</source>
        <translation>AUDIT TRAIL BROKEN from entry no. {0}: {1} Report it to the supervisor and keep today&apos;s backup as evidence.</translation>
    </message>
</context>
<context>
    <name>backups</name>
    <message>
        <source>Otomatis harian</source>
        <translation>Daily, automatic</translation>
    </message>
    <message>
        <source>Sebelum pembaruan program</source>
        <translation>Before a program update</translation>
    </message>
    <message>
        <source>Dibuat petugas</source>
        <translation>Made by an officer</translation>
    </message>
    <message>
        <source>Sebelum pemulihan</source>
        <translation>Before a restore</translation>
    </message>
    <message>
        <source>Waktu</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Ukuran</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Berkas</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Daftar cadangan</source>
        <translation>Backups</translation>
    </message>
    <message>
        <source>Cadangan otomatis dibuat saat kiosk pertama dibuka setiap hari dan sebelum program diperbarui; setiap salinan diperiksa keutuhannya dan disandikan. Disimpan 7 harian, 4 mingguan, 12 bulanan; salinan buatan petugas disimpan satu tahun. Salinan di diska USB yang lebih tua dari satu tahun: musnahkan.</source>
        <translation>An automatic backup is made when the kiosk is first opened each day and before the program is updated; every copy is checked and encrypted. Kept: 7 daily, 4 weekly, 12 monthly; copies made by an officer are kept for one year. Copies on a USB disk older than one year: destroy them.</translation>
    </message>
    <message>
        <source>&amp;Buat cadangan sekarang</source>
        <translation>&amp;Back up now</translation>
    </message>
    <message>
        <source>&amp;Pulihkan yang dipilih…</source>
        <translation>&amp;Restore the selected one…</translation>
    </message>
    <message>
        <source>&amp;Folder kedua (diska USB)…</source>
        <translation>&amp;Second folder (USB disk)…</translation>
    </message>
    <message>
        <source>Frasa pe&amp;mulihan…</source>
        <translation>Recovery pass&amp;phrase…</translation>
    </message>
    <message>
        <source>Keadaan cadangan</source>
        <translation>Backup state</translation>
    </message>
    <message>
        <source>Membuat dan memeriksa cadangan…</source>
        <translation>Making and checking the backup…</translation>
    </message>
    <message>
        <source>Cadangan terverifikasi: {0}</source>
        <translation>Verified backup: {0}</translation>
    </message>
    <message>
        <source>; kepala rantai audit: entri no. {0}, {1}</source>
        <translation>; audit chain head: entry no. {0}, {1}</translation>
    </message>
    <message>
        <source>; salinan kedua: {0}</source>
        <translation>; second copy: {0}</translation>
    </message>
    <message>
        <source>Frasa pemulihan belum ditetapkan: cadangan hanya dapat dibuka di komputer ini. Tetapkan dengan tombol Frasa pemulihan.</source>
        <translation>No recovery passphrase set: backups can only be opened on this computer. Set one with the Recovery passphrase button.</translation>
    </message>
    <message>
        <source>Frasa pemulihan (tulis juga di kertas, simpan terpisah):</source>
        <translation>Recovery passphrase (also write it on paper, kept apart):</translation>
    </message>
    <message>
        <source>Frasa pemulihan baru</source>
        <translation>New recovery passphrase</translation>
    </message>
    <message>
        <source>Ulangi frasa pemulihan</source>
        <translation>Repeat the recovery passphrase</translation>
    </message>
    <message>
        <source>Kedua frasa tidak sama; tidak diubah.</source>
        <translation>The two passphrases differ; nothing changed.</translation>
    </message>
    <message>
        <source>Frasa pemulihan ditetapkan. Cadangan berikutnya dapat dipulihkan di komputer lain dengan frasa itu.</source>
        <translation>Recovery passphrase set. Backups from now on can be restored on another computer with it.</translation>
    </message>
    <message>
        <source>Pulihkan cadangan?</source>
        <translation>Restore the backup?</translation>
    </message>
    <message>
        <source>Data akan dikembalikan ke keadaan {0:%d-%m-%Y %H:%M}. Semua yang dicatat sesudah itu hilang dari komputer ini (data yang sudah terkirim tetap ada di kabupaten). Basis data sekarang disalin dulu agar bisa dikembalikan.

Lanjutkan?</source>
        <translation>The data will go back to how it was on {0:%d-%m-%Y %H:%M}. Everything recorded after that is lost from this computer (data already sent stays at the kabupaten). The current database is copied first so it can be put back.

Continue?</translation>
    </message>
    <message>
        <source>Pilih cadangan di tabel terlebih dahulu.</source>
        <translation>First choose a backup in the table.</translation>
    </message>
    <message>
        <source>Cadangan dari komputer lain</source>
        <translation>Backup from another computer</translation>
    </message>
    <message>
        <source>Data dipulihkan. Basis data sebelumnya disimpan sebagai {0}. Keluar akun lalu masuk lagi agar semua halaman memuat data yang dipulihkan.</source>
        <translation>Data restored. The previous database was kept as {0}. Log out and in again so that every page loads the restored data.</translation>
    </message>
    <message>
        <source>Pilih folder kedua untuk cadangan</source>
        <translation>Choose a second folder for backups</translation>
    </message>
    <message>
        <source>Salinan otomatis juga ke {0}.</source>
        <translation>Automatic copies also go to {0}.</translation>
    </message>
</context>
<context>
    <name>board</name>
    <message>
        <source>mesin suara &apos;{0}&apos; tidak terpasang</source>
        <translation>voice engine &apos;{0}&apos; is not installed</translation>
    </message>
    <message>
        <source>mesin suara tidak tersedia</source>
        <translation>no voice engine available</translation>
    </message>
    <message>
        <source>modul suara Qt tidak terpasang</source>
        <translation>Qt&apos;s speech module is not installed</translation>
    </message>
    <message>
        <source>Papan antrian</source>
        <translation>Queue board</translation>
    </message>
    <message>
        <source>NOMOR ANTRIAN</source>
        <translation>QUEUE NUMBER</translation>
    </message>
    <message>
        <source>Panggilan terakhir</source>
        <translation>Last calls</translation>
    </message>
    <message>
        <source>Lima panggilan terakhir</source>
        <translation>The last five calls</translation>
    </message>
    <message>
        <source>Panggilan terakhir:</source>
        <translation>Last calls:</translation>
    </message>
    <message>
        <source>{0} ke {1}</source>
        <translation>{0} to {1}</translation>
    </message>
    <message>
        <source>Belum ada panggilan</source>
        <translation>No calls yet</translation>
    </message>
    <message>
        <source>{0}: nomor {1}</source>
        <translation>{0}: number {1}</translation>
    </message>
</context>
<context>
    <name>capture_step</name>
    <message>
        <source>&amp;Jenis</source>
        <translation>&amp;Type</translation>
    </message>
    <message>
        <source>Ka&amp;tegori</source>
        <translation>&amp;Category</translation>
    </message>
    <message>
        <source>S&amp;ektor</source>
        <translation>S&amp;ector</translation>
    </message>
    <message>
        <source>&amp;Urgensi</source>
        <translation>&amp;Urgency</translation>
    </message>
    <message>
        <source>Salura&amp;n</source>
        <translation>Chan&amp;nel</translation>
    </message>
    <message>
        <source>&amp;Dasar data</source>
        <translation>Legal b&amp;asis</translation>
    </message>
    <message>
        <source>TERDAFTAR</source>
        <translation>REGISTERED</translation>
    </message>
    <message>
        <source>TIDAK TERDAFTAR</source>
        <translation>NOT REGISTERED</translation>
    </message>
    <message>
        <source> - desil {0}; program: {1}</source>
        <translation> - decile {0}; programmes: {1}</translation>
    </message>
    <message>
        <source>lebih baru dari data lokal; ini yang dipakai.</source>
        <translation>newer than the local data; this is the one used.</translation>
    </message>
    <message>
        <source>tidak lebih baru dari data lokal.</source>
        <translation>not newer than the local data.</translation>
    </message>
    <message>
        <source>Server kabupaten: {0}{1} (data {2}), {3}</source>
        <translation>Kabupaten server: {0}{1} (data {2}), {3}</translation>
    </message>
    <message>
        <source>Hasil pemeriksaan DTKS</source>
        <translation>DTKS check result</translation>
    </message>
    <message>
        <source>Program yang mungkin memenuhi syarat</source>
        <translation>Programmes the household may qualify for</translation>
    </message>
    <message>
        <source>Usulkan masuk DTKS sebagai daftar awal (pre-&amp;list)</source>
        <translation>Pro&amp;pose for DTKS on the pre-list</translation>
    </message>
    <message>
        <source>Alasan usulan, mis. buruh harian, 4 anak</source>
        <translation>Reason for the proposal, e.g. day labourer, 4 children</translation>
    </message>
    <message>
        <source>Alasan usulan daftar awal</source>
        <translation>Reason for the pre-list proposal</translation>
    </message>
    <message>
        <source>&amp;Simpan dan cetak tanda terima (Ctrl+Enter)</source>
        <translation>&amp;Save and print the receipt (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Kem&amp;bali</source>
        <translation>&amp;Back</translation>
    </message>
    <message>
        <source>Kebutuhan akses:</source>
        <translation>Access needs:</translation>
    </message>
    <message>
        <source>Panduan melayani warga</source>
        <translation>Guide for serving the citizen</translation>
    </message>
    <message>
        <source>Pro&amp;gram</source>
        <translation>Pro&amp;gramme</translation>
    </message>
    <message>
        <source>Tentang kepesertaan program (&amp;m)</source>
        <translation>About programme &amp;membership</translation>
    </message>
    <message>
        <source>Rahasia (kekerasan, kesehatan jiwa, dll.) (&amp;r)</source>
        <translation>Confidential (violence, mental health, etc.) (&amp;r)</translation>
    </message>
    <message>
        <source>Uraian keluhan</source>
        <translation>Description of the complaint</translation>
    </message>
    <message>
        <source>Ura&amp;ian</source>
        <translation>Descr&amp;iption</translation>
    </message>
    <message>
        <source>Program dan dokumen</source>
        <translation>Programmes and documents</translation>
    </message>
    <message>
        <source>Dibutuhkan</source>
        <translation>Needed</translation>
    </message>
    <message>
        <source>Sudah diterima</source>
        <translation>Already received</translation>
    </message>
    <message>
        <source>Dokumen ada</source>
        <translation>Document present</translation>
    </message>
    <message>
        <source>Warga: {0}</source>
        <translation>Citizen: {0}</translation>
    </message>
    <message>
        <source>Mungkin memenuhi syarat (petunjuk): {0}.</source>
        <translation>May qualify (a hint): {0}.</translation>
    </message>
    <message>
        <source>{0} ({1}; perlu dicek: {2})</source>
        <translation>{0} ({1}; to check: {2})</translation>
    </message>
    <message>
        <source>{0} (perlu dicek: {1})</source>
        <translation>{0} (to check: {1})</translation>
    </message>
    <message>
        <source>{0} ({1})</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <source>Belum ada data DTKS di komputer ini: status DTKS tidak dapat diperiksa.</source>
        <translation>No DTKS data on this computer yet: the DTKS status cannot be checked.</translation>
    </message>
    <message>
        <source>tanggal tidak diketahui</source>
        <translation>date unknown</translation>
    </message>
    <message>
        <source>belum menerima program</source>
        <translation>receives no programme yet</translation>
    </message>
    <message>
        <source>TERDAFTAR di {0} - desil {1}; program: {2}; {3} anggota keluarga. (data {4})</source>
        <translation>REGISTERED in {0} - decile {1}; programmes: {2}; {3} household members. (data {4})</translation>
    </message>
    <message>
        <source>TIDAK TERDAFTAR di {0} (data {1}).</source>
        <translation>NOT REGISTERED in {0} (data {1}).</translation>
    </message>
</context>
<context>
    <name>card_check</name>
    <message>
        <source>Alasan menerima nomor yang janggal</source>
        <translation>Reason for accepting an odd number</translation>
    </message>
    <message>
        <source>- pilih alasan -</source>
        <translation>- choose a reason -</translation>
    </message>
    <message>
        <source>Keterangan alasan</source>
        <translation>Reason details</translation>
    </message>
    <message>
        <source>kata-kata, bukan nomor; mis. KTP terbitan 2009</source>
        <translation>words, not a number; e.g. KTP issued in 2009</translation>
    </message>
    <message>
        <source>Periksa sebelum menyimpan</source>
        <translation>Check before saving</translation>
    </message>
    <message>
        <source>Belum disimpan. Cocokkan dengan KTP/KK:</source>
        <translation>Not saved yet. Compare with the KTP/KK:</translation>
    </message>
    <message>
        <source>&amp;Perbaiki {0}</source>
        <translation>&amp;Fix {0}</translation>
    </message>
    <message>
        <source>&amp;Sudah cocok dengan kartu, simpan</source>
        <translation>&amp;Matches the card, save</translation>
    </message>
</context>
<context>
    <name>case_community</name>
    <message>
        <source>Biasa (5 hari kerja)</source>
        <translation>Normal (5 working days)</translation>
    </message>
    <message>
        <source>Segera (3 hari kerja)</source>
        <translation>Soon (3 working days)</translation>
    </message>
    <message>
        <source>Darurat (1 hari kerja)</source>
        <translation>Emergency (1 working day)</translation>
    </message>
    <message>
        <source>Kasus komunitas baru</source>
        <translation>New community case</translation>
    </message>
    <message>
        <source>&amp;Komunitas dan tempat</source>
        <translation>&amp;Community and place</translation>
    </message>
    <message>
        <source>mis. Warga RT 03/RW 02 Krajan</source>
        <translation>e.g. Residents of RT 03/RW 02 Krajan</translation>
    </message>
    <message>
        <source>&amp;Meja</source>
        <translation>&amp;Desk</translation>
    </message>
    <message>
        <source>&amp;Urgensi</source>
        <translation>&amp;Urgency</translation>
    </message>
    <message>
        <source>Ke&amp;jadian dan kebutuhan</source>
        <translation>&amp;What happened and what is needed</translation>
    </message>
    <message>
        <source>No. KK &amp;terdampak (satu per baris atau dipisah koma)</source>
        <translation>&amp;KK numbers affected (one per line or separated by commas)</translation>
    </message>
    <message>
        <source>Catat kasus</source>
        <translation>Record case</translation>
    </message>
    <message>
        <source>Satu kasus untuk seluruh komunitas; tiap keluarga dihitung sekali di laporan. Kasus ini mengikuti tahapan prosedur Depok mulai dari registrasi.</source>
        <translation>One case for the whole community; each family is counted once in the reports. This case follows the stages of the Depok procedure, starting with registration.</translation>
    </message>
    <message>
        <source> ({0} No. KK tertulis dua kali, dihitung sekali)</source>
        <translation> ({0} KK numbers written twice, counted once)</translation>
    </message>
    <message>
        <source>Kasus komunitas {0} dicatat dengan {1} keluarga{2}.</source>
        <translation>Community case {0} recorded with {1} families{2}.</translation>
    </message>
    <message>
        <source>Registrasi</source>
        <translation>Registration</translation>
    </message>
    <message>
        <source>&amp;Yang sudah dikerjakan</source>
        <translation>&amp;What has been done</translation>
    </message>
    <message>
        <source>Tahapan Depok: ke {0}</source>
        <translation>Depok stages: to {0}</translation>
    </message>
    <message>
        <source>Pindahkan</source>
        <translation>Move</translation>
    </message>
    <message>
        <source>Tambah keluarga terdampak</source>
        <translation>Add affected families</translation>
    </message>
    <message>
        <source>No. &amp;KK (satu per baris)</source>
        <translation>&amp;KK numbers (one per line)</translation>
    </message>
    <message>
        <source>Tambahkan</source>
        <translation>Add</translation>
    </message>
</context>
<context>
    <name>case_html</name>
    <message>
        <source>DARURAT - didahulukan</source>
        <translation>URGENT - served first</translation>
    </message>
    <message>
        <source>Rahasia: jangan dibacakan di depan umum.</source>
        <translation>Confidential: do not read aloud in public.</translation>
    </message>
    <message>
        <source>Kebutuhan akses: {0}</source>
        <translation>Access needs: {0}</translation>
    </message>
    <message>
        <source>belum terkirim ke kabupaten</source>
        <translation>not yet sent to the kabupaten</translation>
    </message>
    <message>
        <source>terkirim, menunggu diterima</source>
        <translation>sent, waiting to be received</translation>
    </message>
    <message>
        <source>diterima kabupaten</source>
        <translation>received by the kabupaten</translation>
    </message>
    <message>
        <source>Komunitas</source>
        <translation>Community</translation>
    </message>
    <message>
        <source>{0} ({1} keluarga terdampak)</source>
        <translation>{0} ({1} affected families)</translation>
    </message>
    <message>
        <source>Warga</source>
        <translation>Citizen</translation>
    </message>
    <message>
        <source>{0} (NIK {1})</source>
        <translation>{0} (NIK {1})</translation>
    </message>
    <message>
        <source>Nomor lacak</source>
        <translation>Tracking number</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Meja</source>
        <translation>Desk</translation>
    </message>
    <message>
        <source>Batas jawaban</source>
        <translation>Answer due</translation>
    </message>
    <message>
        <source>Sektor / kategori</source>
        <translation>Sector / category</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Programme</translation>
    </message>
    <message>
        <source>Kejadian</source>
        <translation>What happened</translation>
    </message>
    <message>
        <source>Keluhan</source>
        <translation>Complaint</translation>
    </message>
    <message>
        <source>Keputusan</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>Warga sudah diberi tahu</source>
        <translation>Citizen told</translation>
    </message>
    <message>
        <source>ya</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>belum</source>
        <translation>not yet</translation>
    </message>
    <message>
        <source>Kabupaten</source>
        <translation>Kabupaten</translation>
    </message>
    <message>
        <source>Rujukan ke {0}</source>
        <translation>Referral to {0}</translation>
    </message>
    <message>
        <source>(putaran {0})</source>
        <translation>(round {0})</translation>
    </message>
    <message>
        <source>Putaran {0}, {1}: {2} {3}</source>
        <translation>Round {0}, {1}: {2} {3}</translation>
    </message>
    <message>
        <source>, ditandatangani {0}</source>
        <translation>, signed by {0}</translation>
    </message>
    <message>
        <source>Penyelesaian, {0}: {1} {2}</source>
        <translation>Resolution, {0}: {1} {2}</translation>
    </message>
    <message>
        <source>Dokumen</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>Riwayat</source>
        <translation>History</translation>
    </message>
    <message>
        <source>Tahap ini selesai paling lambat {0}.</source>
        <translation>This stage ends by {0} at the latest.</translation>
    </message>
    <message>
        <source>Tahap berikutnya: {0}.</source>
        <translation>Next stage: {0}.</translation>
    </message>
    <message>
        <source>Tahapan (prosedur Depok): {0}</source>
        <translation>Stages (Depok procedure): {0}</translation>
    </message>
    <message>
        <source>Keluarga terdampak ({0})</source>
        <translation>Affected families ({0})</translation>
    </message>
</context>
<context>
    <name>case_status</name>
    <message>
        <source>Nomor lacak</source>
        <translation>Tracking number</translation>
    </message>
    <message>
        <source>Atas nama</source>
        <translation>In the name of</translation>
    </message>
    <message>
        <source>{0} (NIK {1})</source>
        <translation>{0} (NIK {1})</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Ditangani</source>
        <translation>Handled by</translation>
    </message>
    <message>
        <source>Batas jawaban</source>
        <translation>Answer due</translation>
    </message>
    <message>
        <source>Hasil</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Kabupaten</source>
        <translation>Kabupaten</translation>
    </message>
    <message>
        <source>sudah diterima SLRT kabupaten</source>
        <translation>received by the kabupaten SLRT</translation>
    </message>
    <message>
        <source>belum terkirim (tanda terima masih SEMENTARA)</source>
        <translation>not yet sent (the receipt is still PROVISIONAL)</translation>
    </message>
    <message>
        <source>Perjalanan</source>
        <translation>History</translation>
    </message>
    <message>
        <source>Cek status pengaduan</source>
        <translation>Check complaint status</translation>
    </message>
    <message>
        <source>&amp;Nomor lacak (ketik, atau pindai QR pada tanda terima):</source>
        <translation>&amp;Tracking number (type it, or scan the QR code on the receipt):</translation>
    </message>
    <message>
        <source>Status pengaduan</source>
        <translation>Complaint status</translation>
    </message>
    <message>
        <source>Cetak &amp;surat pemberitahuan</source>
        <translation>Print the &amp;notification letter</translation>
    </message>
    <message>
        <source>surat pemberitahuan</source>
        <translation>notification letter</translation>
    </message>
</context>
<context>
    <name>cases</name>
    <message>
        <source>(semua)</source>
        <translation>(all)</translation>
    </message>
    <message>
        <source>&amp;Proses</source>
        <translation>&amp;Process</translation>
    </message>
    <message>
        <source>Ajukan pe&amp;nyelesaian…</source>
        <translation>Propose a resolut&amp;ion…</translation>
    </message>
    <message>
        <source>&amp;Rujuk…</source>
        <translation>&amp;Refer…</translation>
    </message>
    <message>
        <source>Produk la&amp;yanan…</source>
        <translation>Ser&amp;vice product…</translation>
    </message>
    <message>
        <source>Ajukan &amp;ulang rujukan…</source>
        <translation>Submit the referral &amp;again…</translation>
    </message>
    <message>
        <source>Serahkan produk</source>
        <translation>Hand over the product</translation>
    </message>
    <message>
        <source>Cetak produk layanan</source>
        <translation>Print the service product</translation>
    </message>
    <message>
        <source>Tidak dapat &amp;dipenuhi…</source>
        <translation>Cannot be &amp;met…</translation>
    </message>
    <message>
        <source>Catat pemberitahuan ke &amp;warga…</source>
        <translation>Record telling the &amp;citizen…</translation>
    </message>
    <message>
        <source>Cetak surat pemberitahuan</source>
        <translation>Print the notification letter</translation>
    </message>
    <message>
        <source>Cetak surat rujukan</source>
        <translation>Print the referral letter</translation>
    </message>
    <message>
        <source>&amp;Buka kembali…</source>
        <translation>Reo&amp;pen…</translation>
    </message>
    <message>
        <source>Ta&amp;hapan Depok…</source>
        <translation>Depo&amp;k stages…</translation>
    </message>
    <message>
        <source>Mulai t&amp;elaah</source>
        <translation>Start r&amp;eview</translation>
    </message>
    <message>
        <source>Catat tanda tan&amp;gan…</source>
        <translation>Record the si&amp;gnature…</translation>
    </message>
    <message>
        <source>Tutup kasu&amp;s</source>
        <translation>Close c&amp;ase</translation>
    </message>
    <message>
        <source>Catatan ana&amp;lisis…</source>
        <translation>Analysis &amp;note…</translation>
    </message>
    <message>
        <source>Tam&amp;bah keluarga terdampak…</source>
        <translation>Add affected &amp;families…</translation>
    </message>
    <message>
        <source>Kasus</source>
        <translation>Cases</translation>
    </message>
    <message>
        <source>Kasus k&amp;omunitas baru…</source>
        <translation>New c&amp;ommunity case…</translation>
    </message>
    <message>
        <source>Satu kasus untuk satu komunitas (mis. warga terdampak banjir), keluarganya dilampirkan</source>
        <translation>One case for one community (e.g. residents hit by a flood), with its families attached</translation>
    </message>
    <message>
        <source>Saring menurut meja</source>
        <translation>Filter by desk</translation>
    </message>
    <message>
        <source>Saring menurut status</source>
        <translation>Filter by status</translation>
    </message>
    <message>
        <source>Saring menurut tenggat</source>
        <translation>Filter by due date</translation>
    </message>
    <message>
        <source>Nomor lacak, NIK atau nama</source>
        <translation>Tracking number, NIK or name</translation>
    </message>
    <message>
        <source>Cari kasus</source>
        <translation>Search cases</translation>
    </message>
    <message>
        <source>&amp;Meja</source>
        <translation>&amp;Desk</translation>
    </message>
    <message>
        <source>S&amp;tatus</source>
        <translation>S&amp;tatus</translation>
    </message>
    <message>
        <source>Tengg&amp;at</source>
        <translation>D&amp;ue</translation>
    </message>
    <message>
        <source>&amp;Cari</source>
        <translation>&amp;Search</translation>
    </message>
    <message>
        <source>Nomor lacak</source>
        <translation>Tracking number</translation>
    </message>
    <message>
        <source>Warga</source>
        <translation>Citizen</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Tenggat</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Batas</source>
        <translation>Due date</translation>
    </message>
    <message>
        <source>Meja</source>
        <translation>Desk</translation>
    </message>
    <message>
        <source>Daftar kasus</source>
        <translation>Case list</translation>
    </message>
    <message>
        <source>Rincian kasus</source>
        <translation>Case details</translation>
    </message>
    <message>
        <source>DARURAT</source>
        <translation>URGENT</translation>
    </message>
    <message>
        <source>(rahasia)</source>
        <translation>(confidential)</translation>
    </message>
    <message>
        <source>{0} kasus.</source>
        <translation>{0} cases.</translation>
    </message>
    <message>
        <source>Tidak dapat dipenuhi</source>
        <translation>Cannot be met</translation>
    </message>
    <message>
        <source>Buka kembali kasus</source>
        <translation>Reopen case</translation>
    </message>
    <message>
        <source>&amp;Alasan / keputusan</source>
        <translation>&amp;Reason / decision</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Catatan analisis</source>
        <translation>Analysis note</translation>
    </message>
    <message>
        <source>&amp;Catatan</source>
        <translation>&amp;Note</translation>
    </message>
    <message>
        <source>Simpan catatan</source>
        <translation>Save note</translation>
    </message>
    <message>
        <source>Ajukan penyelesaian</source>
        <translation>Propose a resolution</translation>
    </message>
    <message>
        <source>&amp;Penyelesaian</source>
        <translation>&amp;Resolution</translation>
    </message>
    <message>
        <source>Ajukan ke koordinator</source>
        <translation>Submit to the coordinator</translation>
    </message>
    <message>
        <source>Penyelesaian di Puskesos memerlukan persetujuan koordinator.</source>
        <translation>A resolution at the Puskesos needs the coordinator&apos;s approval.</translation>
    </message>
    <message>
        <source>Rujuk kasus</source>
        <translation>Refer the case</translation>
    </message>
    <message>
        <source>&amp;Tujuan</source>
        <translation>&amp;Destination</translation>
    </message>
    <message>
        <source>&amp;Alasan rujukan</source>
        <translation>&amp;Reason for referral</translation>
    </message>
    <message>
        <source>&amp;Permintaan kepada tujuan</source>
        <translation>Re&amp;quest to the destination</translation>
    </message>
    <message>
        <source>Persetujuan</source>
        <translation>Approvals</translation>
    </message>
    <message>
        <source>Warga &amp;setuju datanya dikirim ke lembaga tujuan</source>
        <translation>The citizen &amp;agrees to their data being sent to the destination</translation>
    </message>
    <message>
        <source>Ajukan rujukan</source>
        <translation>Submit referral</translation>
    </message>
    <message>
        <source>Rujukan disetujui berurutan: koordinator, lalu supervisor; rujukan ke luar desa juga diputuskan manajer SLRT kabupaten.</source>
        <translation>A referral is approved in order: coordinator, then supervisor; a referral outside the village is also decided by the kabupaten SLRT manager.</translation>
    </message>
    <message>
        <source>Ajukan ulang rujukan</source>
        <translation>Submit the referral again</translation>
    </message>
    <message>
        <source>&amp;Permintaan</source>
        <translation>&amp;Request</translation>
    </message>
    <message>
        <source>Ajukan ulang</source>
        <translation>Submit again</translation>
    </message>
    <message>
        <source>Produk layanan</source>
        <translation>Service product</translation>
    </message>
    <message>
        <source>&amp;Jenis</source>
        <translation>&amp;Type</translation>
    </message>
    <message>
        <source>&amp;Isi keterangan</source>
        <translation>&amp;Statement</translation>
    </message>
    <message>
        <source>&amp;Keperluan</source>
        <translation>&amp;Purpose</translation>
    </message>
    <message>
        <source>Tanda tangan</source>
        <translation>Signature</translation>
    </message>
    <message>
        <source>&amp;Nama penanda tangan</source>
        <translation>&amp;Name of the signer</translation>
    </message>
    <message>
        <source>Pemberitahuan kepada warga</source>
        <translation>Telling the citizen</translation>
    </message>
    <message>
        <source>&amp;Cara</source>
        <translation>&amp;How</translation>
    </message>
    <message>
        <source>C&amp;atatan</source>
        <translation>N&amp;ote</translation>
    </message>
    <message>
        <source>surat rujukan</source>
        <translation>referral letter</translation>
    </message>
    <message>
        <source>surat pemberitahuan</source>
        <translation>notification letter</translation>
    </message>
    <message>
        <source>produk layanan</source>
        <translation>service product</translation>
    </message>
</context>
<context>
    <name>criteria</name>
    <message>
        <source>Desil DTKS/DTSEN</source>
        <translation>DTKS/DTSEN decile</translation>
    </message>
    <message>
        <source>Usia anggota keluarga</source>
        <translation>Age of a family member</translation>
    </message>
    <message>
        <source>Anggota penyandang disabilitas</source>
        <translation>Member with a disability</translation>
    </message>
    <message>
        <source>Ibu hamil</source>
        <translation>Pregnant mother</translation>
    </message>
    <message>
        <source>Tempat tinggal</source>
        <translation>Residence</translation>
    </message>
    <message>
        <source>Program yang diterima</source>
        <translation>Programmes received</translation>
    </message>
    <message>
        <source>paling tinggi</source>
        <translation>at most</translation>
    </message>
    <message>
        <source>1 sampai 10</source>
        <translation>1 to 10</translation>
    </message>
    <message>
        <source>antara (tahun)</source>
        <translation>between (years)</translation>
    </message>
    <message>
        <source>mis. 0-5</source>
        <translation>e.g. 0-5</translation>
    </message>
    <message>
        <source>tahun ke atas</source>
        <translation>years or older</translation>
    </message>
    <message>
        <source>mis. 60</source>
        <translation>e.g. 60</translation>
    </message>
    <message>
        <source>ada</source>
        <translation>present</translation>
    </message>
    <message>
        <source>di desa ini</source>
        <translation>in this village</translation>
    </message>
    <message>
        <source>tidak sedang menerima</source>
        <translation>not currently receiving</translation>
    </message>
    <message>
        <source>kode, mis. PKH, BPNT</source>
        <translation>codes, e.g. PKH, BPNT</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Uji</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>Nilai</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Berlaku</source>
        <translation>Applies as</translation>
    </message>
    <message>
        <source>Wajib</source>
        <translation>Required</translation>
    </message>
    <message>
        <source>Salah satu dari kelompok</source>
        <translation>One of the group</translation>
    </message>
    <message>
        <source>Hapus</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Hapus baris kriteria</source>
        <translation>Remove criterion row</translation>
    </message>
    <message>
        <source>Belum ada kriteria: program ini tidak diberi petunjuk.</source>
        <translation>No criteria yet: the counter gives no hint for this programme.</translation>
    </message>
    <message>
        <source>Tamba&amp;h baris kriteria</source>
        <translation>Add criterion ro&amp;w</translation>
    </message>
    <message>
        <source>Kriteria tersimpan lebih rumit dari formulir ini: {0}. Susun ulang dengan baris di bawah; yang lama diganti saat disimpan.</source>
        <translation>The stored criteria are more complex than this form: {0}. Rebuild them with the rows below; the old ones are replaced when saved.</translation>
    </message>
</context>
<context>
    <name>data_updates</name>
    <message>
        <source>Menunggu supervisor</source>
        <translation>Waiting for the supervisor</translation>
    </message>
    <message>
        <source>Disetujui</source>
        <translation>Approved</translation>
    </message>
    <message>
        <source>Ditolak</source>
        <translation>Refused</translation>
    </message>
    <message>
        <source>Pemutakhiran data warga DTKS/DTSEN</source>
        <translation>Updating the data of citizens on DTKS/DTSEN</translation>
    </message>
    <message>
        <source>Usulkan perubahan</source>
        <translation>Propose a change</translation>
    </message>
    <message>
        <source>NIK di DTKS/DTSEN</source>
        <translation>NIK on DTKS/DTSEN</translation>
    </message>
    <message>
        <source>NIK/nama/KK baru atau alamat tujuan, bila ada</source>
        <translation>New NIK/name/KK or the new address, if any</translation>
    </message>
    <message>
        <source>Apa yang berubah dan kapan, mis. meninggal 3 Nov 2026</source>
        <translation>What changed and when, e.g. died 3 Nov 2026</translation>
    </message>
    <message>
        <source>&amp;Usulkan</source>
        <translation>&amp;Propose</translation>
    </message>
    <message>
        <source>&amp;NIK</source>
        <translation>&amp;NIK</translation>
    </message>
    <message>
        <source>&amp;Jenis</source>
        <translation>&amp;Type</translation>
    </message>
    <message>
        <source>&amp;Data baru</source>
        <translation>Ne&amp;w data</translation>
    </message>
    <message>
        <source>&amp;Alasan</source>
        <translation>Reas&amp;on</translation>
    </message>
    <message>
        <source>Dokumen dilihat</source>
        <translation>Documents seen</translation>
    </message>
    <message>
        <source>Tampilkan usulan</source>
        <translation>Show proposals</translation>
    </message>
    <message>
        <source>Semua</source>
        <translation>All</translation>
    </message>
    <message>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Data baru</source>
        <translation>New data</translation>
    </message>
    <message>
        <source>Alasan</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Catatan</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Usulan pemutakhiran</source>
        <translation>Data-update proposals</translation>
    </message>
    <message>
        <source>Tampilkan:</source>
        <translation>Show:</translation>
    </message>
    <message>
        <source>Catatan (wajib bila ditolak)</source>
        <translation>Note (required when refusing)</translation>
    </message>
    <message>
        <source>&amp;Setujui</source>
        <translation>&amp;Approve</translation>
    </message>
    <message>
        <source>&amp;Tolak</source>
        <translation>&amp;Refuse</translation>
    </message>
    <message>
        <source>Diusulkan: {0} - {1}. Menunggu supervisor.</source>
        <translation>Proposed: {0} - {1}. Waiting for the supervisor.</translation>
    </message>
    <message>
        <source>Pilih usulan di tabel dulu.</source>
        <translation>First choose a proposal in the table.</translation>
    </message>
</context>
<context>
    <name>dialogs</name>
    <message>
        <source>(pilih)</source>
        <translation>(choose)</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>{0} wajib diisi.</source>
        <translation>{0} is required.</translation>
    </message>
</context>
<context>
    <name>display</name>
    <message>
        <source>Suara papan antrian: bila papan tampil tanpa suara, pasang mesin suara berbahasa Indonesia. Linux (Debian/Ubuntu): sudo apt install speech-dispatcher espeak-ng libpulse0, lalu buka ulang kiosk. Windows 10/11: Pengaturan &gt; Waktu &amp; bahasa &gt; Bahasa, tambahkan Bahasa Indonesia dengan fitur Ucapan (Speech). Isi &apos;Mesin suara&apos; hanya bila ingin memilih mesin lain (mis. speechd, sapi, winrt); kosong berarti bawaan sistem.</source>
        <translation>Queue board voice: if the board shows without sound, install an Indonesian voice. Linux (Debian/Ubuntu): sudo apt install speech-dispatcher espeak-ng libpulse0, then reopen the kiosk. Windows 10/11: Settings &gt; Time &amp; language &gt; Language, add Indonesian with the Speech feature. Fill in &apos;Voice engine&apos; only to choose another engine (e.g. speechd, sapi, winrt); empty means the system default.</translation>
    </message>
    <message>
        <source>Tampilan</source>
        <translation>Display</translation>
    </message>
    <message>
        <source>&amp;Bahasa / Language</source>
        <translation>&amp;Bahasa / Language</translation>
    </message>
    <message>
        <source>Kalimat panggilan memakai {huruf}, {angka} dan {loket}, misalnya: Nomor antrian {huruf}, {angka}, silakan ke {loket}.</source>
        <translation>The call sentence uses {huruf}, {angka} and {loket}, for example: Nomor antrian {huruf}, {angka}, silakan ke {loket}.</translation>
    </message>
    <message>
        <source>Cara memasang suara papan antrian</source>
        <translation>How to install the queue board&apos;s voice</translation>
    </message>
</context>
<context>
    <name>dtks_import</name>
    <message>
        <source>&amp;Berkas ekspor (CSV/XLSX)</source>
        <translation>&amp;Export file (CSV/XLSX)</translation>
    </message>
    <message>
        <source>&amp;Jenis data</source>
        <translation>&amp;Kind of data</translation>
    </message>
    <message>
        <source>&amp;Tanggal data (HH-BB-TTTT)</source>
        <translation>&amp;Data date (DD-MM-YYYY)</translation>
    </message>
    <message>
        <source>&amp;Pilih berkas…</source>
        <translation>&amp;Choose file…</translation>
    </message>
    <message>
        <source>&amp;Impor</source>
        <translation>&amp;Import</translation>
    </message>
    <message>
        <source>Periksa k&amp;olom</source>
        <translation>Check c&amp;olumns</translation>
    </message>
    <message>
        <source>Bata&amp;lkan impor</source>
        <translation>Ca&amp;ncel import</translation>
    </message>
    <message>
        <source>Kolom di berkas</source>
        <translation>Column in the file</translation>
    </message>
    <message>
        <source>Dipakai sebagai</source>
        <translation>Used as</translation>
    </message>
    <message>
        <source>Pemetaan kolom</source>
        <translation>Column mapping</translation>
    </message>
    <message>
        <source>Keterangan berkas</source>
        <translation>About the file</translation>
    </message>
    <message>
        <source>Kemajuan impor</source>
        <translation>Import progress</translation>
    </message>
    <message>
        <source>Hasil impor</source>
        <translation>Import result</translation>
    </message>
    <message>
        <source>Simpan daftar baris yang &amp;ditolak…</source>
        <translation>Save the list of &amp;refused rows…</translation>
    </message>
    <message>
        <source>Pilih ekspor DTKS/DTSEN</source>
        <translation>Choose a DTKS/DTSEN export</translation>
    </message>
    <message>
        <source>Data (*.csv *.txt *.xlsx)</source>
        <translation>Data (*.csv *.txt *.xlsx)</translation>
    </message>
    <message>
        <source> (dari kata pada judul kolom)</source>
        <translation> (from words in the column heading)</translation>
    </message>
    <message>
        <source>(tidak dipakai)</source>
        <translation>(not used)</translation>
    </message>
    <message>
        <source> Tanggal data {0} (dari {1}).</source>
        <translation> Data date {0} (from {1}).</translation>
    </message>
    <message>
        <source> Tanggal data tidak tertulis di berkas: isi Tanggal data dari surat pengantarnya.</source>
        <translation> The data date is not written in the file: fill in the data date from its covering letter.</translation>
    </message>
    <message>
        <source>Pengodean {0}, pemisah {1}.{2} Periksa pemetaan kolom, lalu Impor.</source>
        <translation>Encoding {0}, separator {1}.{2} Check the column mapping, then Import.</translation>
    </message>
    <message>
        <source>Ganti data DTKS?</source>
        <translation>Replace the DTKS data?</translation>
    </message>
    <message>
        <source>

Ganti data DTKS yang dipakai dengan berkas ini?</source>
        <translation>

Replace the DTKS data in use with this file?</translation>
    </message>
    <message>
        <source>Tanggal data kosong</source>
        <translation>No data date</translation>
    </message>
    <message>
        <source>Tanggal data tidak tertulis di berkas dan belum diisi. Tanpa tanggal, setiap pemeriksaan DTKS menyebut &apos;tanggal tidak diketahui&apos;.

Impor tanpa tanggal data?</source>
        <translation>The data date is not written in the file and has not been filled in. Without a date, every DTKS check says &apos;date unknown&apos;.

Import without a data date?</translation>
    </message>
    <message>
        <source>Tanggal data ditulis HH-BB-TTTT, mis. 08-10-2026.</source>
        <translation>Write the data date as DD-MM-YYYY, e.g. 08-10-2026.</translation>
    </message>
    <message>
        <source>Mengimpor… data DTKS lama tetap dipakai sampai selesai.</source>
        <translation>Importing… the old DTKS data stays in use until it is done.</translation>
    </message>
    <message>
        <source>%p% - {0} baris</source>
        <translation>%p% - {0} rows</translation>
    </message>
    <message>
        <source>{0}: {1} (mis. baris {2})</source>
        <translation>{0}: {1} (e.g. row {2})</translation>
    </message>
    <message>
        <source>Selesai: {0} baris diimpor dari {1}; {2} ditolak; {3} baris kembar dihitung sekali.</source>
        <translation>Done: {0} rows imported from {1}; {2} refused; {3} repeated rows counted once.</translation>
    </message>
    <message>
        <source> Alasan penolakan: {0}.</source>
        <translation> Reasons for refusal: {0}.</translation>
    </message>
    <message>
        <source>Simpan daftar baris ditolak</source>
        <translation>Save the list of refused rows</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source> Daftar disimpan: {0}</source>
        <translation> List saved: {0}</translation>
    </message>
</context>
<context>
    <name>early_login</name>
    <message>
        <source>Puskesos Kiosk</source>
        <translation>Puskesos Kiosk</translation>
    </message>
    <message>
        <source>&amp;Nama pengguna</source>
        <translation>&amp;User name</translation>
    </message>
    <message>
        <source>Kata &amp;sandi</source>
        <translation>Pass&amp;word</translation>
    </message>
    <message>
        <source>Memuat…</source>
        <translation>Loading…</translation>
    </message>
</context>
<context>
    <name>find_step</name>
    <message>
        <source>Cari NIK, nomor KK atau nama</source>
        <translation>Search NIK, KK number or name</translation>
    </message>
    <message>
        <source>Ketik NIK, No. KK atau nama, lalu Enter</source>
        <translation>Type a NIK, KK number or name, then Enter</translation>
    </message>
    <message>
        <source>&amp;Cari warga</source>
        <translation>&amp;Find citizen</translation>
    </message>
    <message>
        <source>Tahun lahir (boleh kosong)</source>
        <translation>Year of birth (may be empty)</translation>
    </message>
    <message>
        <source>Tahun lahir</source>
        <translation>Year of birth</translation>
    </message>
    <message>
        <source>Tahun la&amp;hir:</source>
        <translation>Year of birt&amp;h:</translation>
    </message>
    <message>
        <source>Hasil pencarian</source>
        <translation>Search results</translation>
    </message>
    <message>
        <source>Keterangan pencarian</source>
        <translation>About the search</translation>
    </message>
    <message>
        <source>Daftar warga &amp;baru (Ctrl+N)</source>
        <translation>Register a &amp;new citizen (Ctrl+N)</translation>
    </message>
    <message>
        <source>&amp;Layanan</source>
        <translation>&amp;Service</translation>
    </message>
    <message>
        <source>Pri&amp;oritas</source>
        <translation>Pri&amp;ority</translation>
    </message>
    <message>
        <source>Tanpa prioritas</source>
        <translation>No priority</translation>
    </message>
    <message>
        <source>Kebutuhan &amp;akses</source>
        <translation>&amp;Access needs</translation>
    </message>
    <message>
        <source>Tidak ada</source>
        <translation>None</translation>
    </message>
    <message>
        <source>Terbitkan &amp;tiket (Ctrl+T)</source>
        <translation>Issue &amp;ticket (Ctrl+T)</translation>
    </message>
    <message>
        <source>Belum ada tiket (boleh dilewati untuk telepon/kunjungan).</source>
        <translation>No ticket yet (may be skipped for phone calls and visits).</translation>
    </message>
    <message>
        <source>Tiket antrian</source>
        <translation>Queue ticket</translation>
    </message>
    <message>
        <source>Nomor antrian untuk warga</source>
        <translation>Queue number for the citizen</translation>
    </message>
    <message>
        <source> - PRIORITAS: {0}</source>
        <translation> - PRIORITY: {0}</translation>
    </message>
    <message>
        <source>Tiket {0} - {1}{2}</source>
        <translation>Ticket {0} - {1}{2}</translation>
    </message>
    <message>
        <source>Printer struk belum diatur (halaman Printer): nomor antrian ditampilkan besar di layar; minta warga mencatatnya.</source>
        <translation>The receipt printer is not set up (Printer page): the queue number is shown large on the screen; ask the citizen to write it down.</translation>
    </message>
    <message>
        <source>{0} Tiket berikutnya yang belum pasti hanya ditandai di halaman Printer.</source>
        <translation>{0} Further unconfirmed tickets are only marked on the Printer page.</translation>
    </message>
    <message>
        <source>Tiket disimpan tetapi tidak tercetak: {0} Cetak ulang dari halaman Printer, atau sebutkan nomornya kepada warga.</source>
        <translation>Ticket saved but not printed: {0} Print it again from the Printer page, or tell the citizen the number.</translation>
    </message>
    <message>
        <source>Ketik paling sedikit 3 huruf nama, atau 16 digit NIK/No. KK.</source>
        <translation>Type at least 3 letters of a name, or the 16 digits of a NIK/KK number.</translation>
    </message>
    <message>
        <source>Tahun lahir diisi 4 angka, misalnya 1985, atau dikosongkan.</source>
        <translation>Write the year of birth as 4 digits, e.g. 1985, or leave it empty.</translation>
    </message>
    <message>
        <source>Mencari…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <source>{0} ditemukan. Pilih dengan panah lalu Enter.</source>
        <translation>{0} found. Choose with the arrows, then Enter.</translation>
    </message>
    <message>
        <source>Tidak ditemukan di data lokal maupun DTKS. Tekan Ctrl+N untuk mendaftarkan warga baru.</source>
        <translation>Not found in the local data or in DTKS. Press Ctrl+N to register a new citizen.</translation>
    </message>
</context>
<context>
    <name>forms</name>
    <message>
        <source>Pesan kesalahan</source>
        <translation>Error message</translation>
    </message>
    <message>
        <source>Terjadi kesalahan yang tidak terduga; data tidak disimpan. Coba lagi, dan bila berulang hubungi administrator.</source>
        <translation>An unexpected error happened; nothing was saved. Try again, and if it happens again call the administrator.</translation>
    </message>
</context>
<context>
    <name>hit_model</name>
    <message>
        <source>Sumber</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>Tgl lahir</source>
        <translation>Born</translation>
    </message>
    <message>
        <source>Alamat</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Terdaftar</source>
        <translation>Registered</translation>
    </message>
    <message>
        <source>DTKS</source>
        <translation>DTKS</translation>
    </message>
</context>
<context>
    <name>home</name>
    <message>
        <source>Selamat bekerja, {0}</source>
        <translation>Have a good day at work, {0}</translation>
    </message>
    <message>
        <source>Peran: {0}</source>
        <translation>Role: {0}</translation>
    </message>
    <message>
        <source>Pintasan: Ctrl+1..9 pindah halaman, Ctrl+L kunci layar, Ctrl+Q keluar akun.</source>
        <translation>Shortcuts: Ctrl+1..9 change page, Ctrl+L lock the screen, Ctrl+Q log out.</translation>
    </message>
</context>
<context>
    <name>launch</name>
    <message>
        <source>Puskesos Kiosk</source>
        <translation>Puskesos Kiosk</translation>
    </message>
</context>
<context>
    <name>local_settings</name>
    <message>
        <source>Bahasa tampilan</source>
        <translation>Display language</translation>
    </message>
    <message>
        <source>Teks besar</source>
        <translation>Large text</translation>
    </message>
    <message>
        <source>Kontras tinggi</source>
        <translation>High contrast</translation>
    </message>
    <message>
        <source>Alamat printer termal</source>
        <translation>Thermal printer address</translation>
    </message>
    <message>
        <source>Lebar kertas (mm)</source>
        <translation>Paper width (mm)</translation>
    </message>
    <message>
        <source>Loket komputer ini</source>
        <translation>This computer&apos;s counter</translation>
    </message>
    <message>
        <source>Kalimat panggilan papan antrian</source>
        <translation>Queue board call sentence</translation>
    </message>
    <message>
        <source>Volume suara papan antrian (0-100)</source>
        <translation>Queue board voice volume (0-100)</translation>
    </message>
    <message>
        <source>Mesin suara (kosong: bawaan sistem)</source>
        <translation>Voice engine (empty: system default)</translation>
    </message>
</context>
<context>
    <name>lock</name>
    <message>
        <source>Layar terkunci</source>
        <translation>Screen locked</translation>
    </message>
    <message>
        <source>Kata &amp;sandi atau PIN</source>
        <translation>Pass&amp;word or PIN</translation>
    </message>
    <message>
        <source>&amp;Buka kunci</source>
        <translation>&amp;Unlock</translation>
    </message>
    <message>
        <source>&amp;Ganti petugas</source>
        <translation>&amp;Change officer</translation>
    </message>
    <message>
        <source>Layar terkunci - {0}</source>
        <translation>Screen locked - {0}</translation>
    </message>
</context>
<context>
    <name>login</name>
    <message>
        <source>Puskesos Kiosk</source>
        <translation>Puskesos Kiosk</translation>
    </message>
    <message>
        <source>&amp;Nama pengguna</source>
        <translation>&amp;User name</translation>
    </message>
    <message>
        <source>Kata &amp;sandi</source>
        <translation>Pass&amp;word</translation>
    </message>
    <message>
        <source>Mode demo: pengguna admin, depan, belakang, koordinator, supervisor; sandi puskesos123 (PIN 1234 hanya membuka layar yang terkunci, kecuali admin).</source>
        <translation>Demo mode: users admin, depan, belakang, koordinator, supervisor; password puskesos123 (PIN 1234 only unlocks a locked screen, except admin).</translation>
    </message>
    <message>
        <source>&amp;Masuk</source>
        <translation>&amp;Log in</translation>
    </message>
    <message>
        <source>Isi nama pengguna.</source>
        <translation>Fill in the user name.</translation>
    </message>
</context>
<context>
    <name>main_window</name>
    <message>
        <source>Puskesos Kiosk</source>
        <translation>Puskesos Kiosk</translation>
    </message>
</context>
<context>
    <name>officer_model</name>
    <message>
        <source>Nama pengguna</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Nama lengkap</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Peran</source>
        <translation>Roles</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Nonaktif</source>
        <translation>Inactive</translation>
    </message>
    <message>
        <source>Terkunci</source>
        <translation>Locked</translation>
    </message>
    <message>
        <source>Aktif</source>
        <translation>Active</translation>
    </message>
</context>
<context>
    <name>officers</name>
    <message>
        <source>Daftar petugas</source>
        <translation>Officers</translation>
    </message>
    <message>
        <source>&amp;Nonaktifkan / aktifkan</source>
        <translation>&amp;Deactivate / activate</translation>
    </message>
    <message>
        <source>sandi sementara baru</source>
        <translation>new temporary password</translation>
    </message>
    <message>
        <source>Sandi sementara baru</source>
        <translation>New temporary password</translation>
    </message>
    <message>
        <source>&amp;Reset sandi</source>
        <translation>&amp;Reset password</translation>
    </message>
    <message>
        <source>&amp;Ubah peran…</source>
        <translation>Change r&amp;oles…</translation>
    </message>
    <message>
        <source>Ubah &amp;data kantor…</source>
        <translation>Offi&amp;ce details…</translation>
    </message>
    <message>
        <source>Tambah petugas</source>
        <translation>Add officer</translation>
    </message>
    <message>
        <source>Nama &amp;pengguna</source>
        <translation>User &amp;name</translation>
    </message>
    <message>
        <source>Nama &amp;lengkap</source>
        <translation>&amp;Full name</translation>
    </message>
    <message>
        <source>Sandi &amp;sementara</source>
        <translation>&amp;Temporary password</translation>
    </message>
    <message>
        <source>Peran</source>
        <translation>Roles</translation>
    </message>
    <message>
        <source>&amp;Tambah petugas</source>
        <translation>&amp;Add officer</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Petugas {0} ditambahkan. Sandi sementara wajib diganti saat pertama masuk.</source>
        <translation>Officer {0} added. The temporary password must be changed at the first log-in.</translation>
    </message>
    <message>
        <source>Pilih petugas di tabel terlebih dahulu.</source>
        <translation>First choose an officer in the table.</translation>
    </message>
    <message>
        <source>Peran {0}</source>
        <translation>Roles of {0}</translation>
    </message>
    <message>
        <source>Simpan peran</source>
        <translation>Save roles</translation>
    </message>
    <message>
        <source>Centang peran yang dipegang; yang tidak dicentang dicabut.</source>
        <translation>Tick the roles held; roles left unticked are removed.</translation>
    </message>
    <message>
        <source>Peran {0}: {1}.</source>
        <translation>Roles of {0}: {1}.</translation>
    </message>
    <message>
        <source>Nama Puskesos</source>
        <translation>Puskesos name</translation>
    </message>
    <message>
        <source>Alamat</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Nama Kepala Desa/Lurah</source>
        <translation>Name of the village head</translation>
    </message>
    <message>
        <source>Kunci layar setelah diam (menit)</source>
        <translation>Lock the screen after idle (minutes)</translation>
    </message>
    <message>
        <source>Data kantor</source>
        <translation>Office details</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Menit kunci layar: angka 1 sampai 120.</source>
        <translation>Screen lock minutes: a number from 1 to 120.</translation>
    </message>
    <message>
        <source>Data kantor disimpan: {0}, {1}.</source>
        <translation>Office details saved: {0}, {1}.</translation>
    </message>
    <message>
        <source>Sandi {0} direset; wajib diganti saat masuk.</source>
        <translation>Password of {0} reset; it must be changed at log-in.</translation>
    </message>
</context>
<context>
    <name>page</name>
    <message>
        <source>Ada isian pendaftaran yang belum disimpan.</source>
        <translation>There is an unsaved registration form.</translation>
    </message>
    <message>
        <source>&amp;Pulihkan isian</source>
        <translation>Restore t&amp;he form</translation>
    </message>
    <message>
        <source>Buang</source>
        <translation>Discard</translation>
    </message>
</context>
<context>
    <name>papan</name>
    <message>
        <source>Tabel pada panel {0}</source>
        <translation>Tables of panel {0}</translation>
    </message>
    <message>
        <source>T&amp;abel:</source>
        <translation>T&amp;able:</translation>
    </message>
    <message>
        <source>Grafik: {0}. Angkanya ada di tabel di bawahnya.</source>
        <translation>Chart: {0}. The numbers are in the table below it.</translation>
    </message>
    <message>
        <source>{0} (satuan: {1})</source>
        <translation>{0} (unit: {1})</translation>
    </message>
    <message>
        <source>Papan visual dan laporan</source>
        <translation>Visual board and reports</translation>
    </message>
    <message>
        <source>Periode laporan</source>
        <translation>Report period</translation>
    </message>
    <message>
        <source>Mis. {0}, bulan lalu, kuartal lalu</source>
        <translation>E.g. {0}, last month, last quarter</translation>
    </message>
    <message>
        <source>&amp;Periode:</source>
        <translation>&amp;Period:</translation>
    </message>
    <message>
        <source>&amp;Tampilkan</source>
        <translation>&amp;Show</translation>
    </message>
    <message>
        <source>Simpan &amp;laporan (PDF, XLSX)…</source>
        <translation>Save the &amp;report (PDF, XLSX)…</translation>
    </message>
    <message>
        <source>Simpan papan &amp;web…</source>
        <translation>Save the &amp;web board…</translation>
    </message>
    <message>
        <source>index.html untuk situs desa atau TV kantor: angka di bawah 5 ditulis &lt;5</source>
        <translation>index.html for the village website or the office TV: numbers below 5 are written &lt;5</translation>
    </message>
    <message>
        <source>Pilih periode lalu tekan Tampilkan.</source>
        <translation>Choose a period, then press Show.</translation>
    </message>
    <message>
        <source>Panel papan visual</source>
        <translation>Visual board panels</translation>
    </message>
    <message>
        <source>Menghitung {0}…</source>
        <translation>Counting {0}…</translation>
    </message>
    <message>
        <source>{0}&lt;br&gt;&lt;b style=&apos;font-size:150%&apos;&gt;{1}&lt;/b&gt;</source>
        <translation>{0}&lt;br&gt;&lt;b style=&apos;font-size:150%&apos;&gt;{1}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>{0}. Data DTKS/DTSEN: {1}. Enter atau klik dua kali pada angka untuk melihat rekaman di baliknya.</source>
        <translation>{0}. DTKS/DTSEN data: {1}. Enter or double-click a number to see the records behind it.</translation>
    </message>
    <message>
        <source>Angka ini tidak punya daftar rekaman.</source>
        <translation>This number has no list of records.</translation>
    </message>
    <message>
        <source>Angka ini dari data DTKS/DTSEN; lihat di halaman Data DTKS.</source>
        <translation>This number comes from the DTKS/DTSEN data; see it on the DTKS data page.</translation>
    </message>
    <message>
        <source>Daftar nama hanya untuk petugas yang boleh melihat kasus.</source>
        <translation>Lists of names are only for officers who may see cases.</translation>
    </message>
    <message>
        <source>Simpan laporan ke folder</source>
        <translation>Save the report to a folder</translation>
    </message>
    <message>
        <source>Simpan papan web ke folder</source>
        <translation>Save the web board to a folder</translation>
    </message>
    <message>
        <source>Disimpan: {0}</source>
        <translation>Saved: {0}</translation>
    </message>
    <message>
        <source>Berkas tidak dapat ditulis ({0}). Pilih folder lain.</source>
        <translation>The file cannot be written ({0}). Choose another folder.</translation>
    </message>
    <message>
        <source>1. Usulan data</source>
        <translation>1. Data proposals</translation>
    </message>
    <message>
        <source>2. Akses program</source>
        <translation>2. Programme access</translation>
    </message>
    <message>
        <source>3. Tumpang tindih</source>
        <translation>3. Overlaps</translation>
    </message>
    <message>
        <source>4. Kesenjangan</source>
        <translation>4. Gaps</translation>
    </message>
    <message>
        <source>Kinerja layanan</source>
        <translation>Service performance</translation>
    </message>
    <message>
        <source>Kiri&amp;m laporan ke kabupaten</source>
        <translation>Se&amp;nd the report to the regency</translation>
    </message>
    <message>
        <source>Angka gabungan saja, ke penerima menurut profil daerah; terkirim saat sinkronisasi. Kiriman ulang menggantikan yang lama.</source>
        <translation>Aggregate counts only, to the recipients the regional profile names; sent at the next sync. Sending again replaces the earlier one.</translation>
    </message>
    <message>
        <source>Keadaan kiriman laporan</source>
        <translation>Report sending status</translation>
    </message>
    <message>
        <source>Laporan periode ini belum dikirim.</source>
        <translation>The report for this period has not been sent.</translation>
    </message>
    <message>
        <source>Versi {0} diajukan {1}, menunggu sinkronisasi</source>
        <translation>Version {0} queued {1}, waiting for sync</translation>
    </message>
    <message>
        <source>Versi {0} diterima kabupaten {1} (tanda terima {2})</source>
        <translation>Version {0} acknowledged by the regency {1} (receipt {2})</translation>
    </message>
</context>
<context>
    <name>password</name>
    <message>
        <source>Ganti kata sandi sementara Anda</source>
        <translation>Change your temporary password</translation>
    </message>
    <message>
        <source>Sandi &amp;lama</source>
        <translation>&amp;Old password</translation>
    </message>
    <message>
        <source>Sandi &amp;baru (min. 8)</source>
        <translation>&amp;New password (min. 8)</translation>
    </message>
    <message>
        <source>&amp;Ulangi sandi baru</source>
        <translation>&amp;Repeat the new password</translation>
    </message>
    <message>
        <source>&amp;Simpan</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Sandi baru dan ulangannya tidak sama.</source>
        <translation>The new password and its repetition differ.</translation>
    </message>
</context>
<context>
    <name>pdf_output</name>
    <message>
        <source>Printer tidak dapat dibuka. Periksa printer di pengaturan sistem.</source>
        <translation>The printer cannot be opened. Check the printer in the system settings.</translation>
    </message>
    <message>
        <source>Cetak {0}</source>
        <translation>Print {0}</translation>
    </message>
    <message>
        <source>Simpan PDF</source>
        <translation>Save PDF</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>period_field</name>
    <message>
        <source>Bulan ini</source>
        <translation>This month</translation>
    </message>
    <message>
        <source>Bulan lalu</source>
        <translation>Last month</translation>
    </message>
    <message>
        <source>Kuartal ini</source>
        <translation>This quarter</translation>
    </message>
    <message>
        <source>Kuartal lalu</source>
        <translation>Last quarter</translation>
    </message>
    <message>
        <source>Semester ini</source>
        <translation>This half-year</translation>
    </message>
    <message>
        <source>Semester lalu</source>
        <translation>Last half-year</translation>
    </message>
    <message>
        <source>Tahun ini</source>
        <translation>This year</translation>
    </message>
    <message>
        <source>Tahun lalu</source>
        <translation>Last year</translation>
    </message>
</context>
<context>
    <name>person</name>
    <message>
        <source>Profil warga</source>
        <translation>Citizen profile</translation>
    </message>
    <message>
        <source>NIK, No. KK atau nama warga terdaftar</source>
        <translation>NIK, KK number or name of a registered citizen</translation>
    </message>
    <message>
        <source>Cari warga</source>
        <translation>Find citizen</translation>
    </message>
    <message>
        <source>&amp;Cari</source>
        <translation>&amp;Search</translation>
    </message>
    <message>
        <source>&amp;Warga:</source>
        <translation>&amp;Citizen:</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>Lahir</source>
        <translation>Born</translation>
    </message>
    <message>
        <source>No. KK</source>
        <translation>KK number</translation>
    </message>
    <message>
        <source>Warga yang ditemukan</source>
        <translation>Citizens found</translation>
    </message>
    <message>
        <source>Pilih warga di daftar untuk melihat profilnya.</source>
        <translation>Choose a citizen in the list to see their profile.</translation>
    </message>
    <message>
        <source>Tidak ada warga terdaftar yang cocok. Periksa ejaan atau NIK; warga baru didaftarkan di Layanan loket.</source>
        <translation>No registered citizen matches. Check the spelling or the NIK; new citizens are registered at the counter.</translation>
    </message>
</context>
<context>
    <name>person_html</name>
    <message>
        <source>{0} th</source>
        <translation>{0} yrs</translation>
    </message>
    <message>
        <source>umur ?</source>
        <translation>age ?</translation>
    </message>
    <message>
        <source>{0} sejak {1:%d-%m-%Y}, berita acara {2}</source>
        <translation>{0} since {1:%d-%m-%Y}, meeting record {2}</translation>
    </message>
    <message>
        <source>Ditetapkan musyawarah desa</source>
        <translation>Decided by the village meeting</translation>
    </message>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>Jenis kelamin / umur</source>
        <translation>Sex / age</translation>
    </message>
    <message>
        <source>Disabilitas</source>
        <translation>Disability</translation>
    </message>
    <message>
        <source>No. KK</source>
        <translation>KK number</translation>
    </message>
    <message>
        <source>Alamat</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Desil DTKS/DTSEN</source>
        <translation>DTKS/DTSEN decile</translation>
    </message>
    <message>
        <source>tidak ada di DTKS/DTSEN</source>
        <translation>not on DTKS/DTSEN</translation>
    </message>
    <message>
        <source>Program diterima</source>
        <translation>Programmes received</translation>
    </message>
    <message>
        <source>Kebutuhan tercatat</source>
        <translation>Needs recorded</translation>
    </message>
    <message>
        <source>Mungkin memenuhi syarat (petunjuk, bukan keputusan)</source>
        <translation>May qualify (a hint, not a decision)</translation>
    </message>
    <message>
        <source>Tidak ada program lain yang tampak memenuhi syarat.</source>
        <translation>No other programme seems to fit.</translation>
    </message>
    <message>
        <source>mungkin memenuhi syarat</source>
        <translation>may qualify</translation>
    </message>
    <message>
        <source>perlu dicek</source>
        <translation>to be checked</translation>
    </message>
    <message>
        <source>terpenuhi</source>
        <translation>met</translation>
    </message>
    <message>
        <source>tidak terpenuhi</source>
        <translation>not met</translation>
    </message>
    <message>
        <source>belum diketahui</source>
        <translation>not known yet</translation>
    </message>
    <message>
        <source>Anggota keluarga ({0})</source>
        <translation>Household members ({0})</translation>
    </message>
    <message>
        <source>meninggal</source>
        <translation>deceased</translation>
    </message>
    <message>
        <source>Kasus ({0})</source>
        <translation>Cases ({0})</translation>
    </message>
    <message>
        <source>Belum ada kasus.</source>
        <translation>No cases yet.</translation>
    </message>
    <message>
        <source>Tercatat sebagai PPKS</source>
        <translation>Recorded as PPKS</translation>
    </message>
</context>
<context>
    <name>person_rights</name>
    <message>
        <source>Layanan di kantor ini</source>
        <translation>Services at this office</translation>
    </message>
    <message>
        <source>Rujukan ke lembaga lain</source>
        <translation>Referral to another institution</translation>
    </message>
    <message>
        <source>Usulan ke DTKS/DTSEN</source>
        <translation>Proposal to DTKS/DTSEN</translation>
    </message>
    <message>
        <source>Foto rumah</source>
        <translation>Photo of the house</translation>
    </message>
    <message>
        <source>Warga berhak melihat seluruh datanya, mencabut persetujuan, dan meminta penghapusan (UU 27/2022). Periksa KTP pemohon sebelum memproses.</source>
        <translation>Citizens may see all their data, withdraw consent and ask for erasure (Law 27/2022). Check the applicant&apos;s KTP before processing.</translation>
    </message>
    <message>
        <source>&amp;NIK warga</source>
        <translation>Citizen&apos;s &amp;NIK</translation>
    </message>
    <message>
        <source>Ke&amp;terangan / dasar permintaan</source>
        <translation>No&amp;te / basis of the request</translation>
    </message>
    <message>
        <source>&amp;Ekspor seluruh data (JSON + PDF)…</source>
        <translation>&amp;Export all the data (JSON + PDF)…</translation>
    </message>
    <message>
        <source>&amp;Cabut persetujuan</source>
        <translation>&amp;Withdraw consent</translation>
    </message>
    <message>
        <source>&amp;Hapus identitas…</source>
        <translation>E&amp;rase identity…</translation>
    </message>
    <message>
        <source>Catat persetujuan &amp;baru…</source>
        <translation>Record new &amp;consent…</translation>
    </message>
    <message>
        <source>Hasil</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Simpan data warga</source>
        <translation>Save the citizen&apos;s data</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Data warga ditulis ke {0} dan {1}.</source>
        <translation>The citizen&apos;s data was written to {0} and {1}.</translation>
    </message>
    <message>
        <source>{0} persetujuan dicabut. Rujukan baru ditolak sampai warga setuju lagi; kabupaten diberi tahu saat sinkronisasi.</source>
        <translation>{0} consents withdrawn. New referrals are refused until the citizen agrees again; the kabupaten is told at the next sync.</translation>
    </message>
    <message>
        <source>Catat persetujuan warga</source>
        <translation>Record the citizen&apos;s consent</translation>
    </message>
    <message>
        <source>&amp;Tujuan</source>
        <translation>&amp;Purpose</translation>
    </message>
    <message>
        <source>Catat</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Warga menyetujui datanya dipakai untuk tujuan ini.</source>
        <translation>The citizen agrees to their data being used for this purpose.</translation>
    </message>
    <message>
        <source>Persetujuan dicatat; kabupaten diberi tahu saat sinkronisasi.</source>
        <translation>Consent recorded; the kabupaten is told at the next synchronisation.</translation>
    </message>
    <message>
        <source>Hapus identitas warga?</source>
        <translation>Erase the citizen&apos;s identity?</translation>
    </message>
    <message>
        <source>Nama, NIK, telepon dan uraian keluhan warga ini akan dihapus (setelah masa simpan kantor berakhir) dan tidak dapat dikembalikan. Kasusnya tetap terhitung tanpa nama. Lanjutkan?</source>
        <translation>This citizen&apos;s name, NIK, phone and complaint descriptions will be erased (once the office&apos;s retention period ends) and cannot be brought back. Their cases still count, without a name. Continue?</translation>
    </message>
    <message>
        <source>Tuliskan dasar permintaan penghapusan di kolom keterangan.</source>
        <translation>Write the basis of the erasure request in the note field.</translation>
    </message>
    <message>
        <source>Identitas warga dihapus; kasusnya tetap terhitung tanpa nama.</source>
        <translation>The citizen&apos;s identity was erased; their cases still count, without a name.</translation>
    </message>
    <message>
        <source>Permintaan dicatat. Identitas dihapus pada {0}, akhir masa simpan yang ditetapkan kantor.</source>
        <translation>Request recorded. The identity is erased on {0}, at the end of the retention period the office set.</translation>
    </message>
</context>
<context>
    <name>ppks</name>
    <message>
        <source>Orang (NIK)</source>
        <translation>Person (NIK)</translation>
    </message>
    <message>
        <source>Keluarga (No. KK)</source>
        <translation>Family (KK number)</translation>
    </message>
    <message>
        <source>Komunitas</source>
        <translation>Community</translation>
    </message>
    <message>
        <source>Kunjungan ke Puskesos</source>
        <translation>Visit to the Puskesos</translation>
    </message>
    <message>
        <source>Fasilitator / pendamping</source>
        <translation>Facilitator / companion</translation>
    </message>
    <message>
        <source>Laporan RT/RW</source>
        <translation>RT/RW report</translation>
    </message>
    <message>
        <source>Laporan warga</source>
        <translation>Citizen&apos;s report</translation>
    </message>
    <message>
        <source>Dinas / instansi</source>
        <translation>Agency / institution</translation>
    </message>
    <message>
        <source>PPKS - Pemerlu Pelayanan Kesejahteraan Sosial</source>
        <translation>PPKS - people in need of social welfare services</translation>
    </message>
    <message>
        <source>NIK, No. KK, atau nama dan tempat komunitas</source>
        <translation>NIK, KK number, or the community&apos;s name and place</translation>
    </message>
    <message>
        <source>tidak diketahui</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>&amp;Siapa</source>
        <translation>&amp;Who</translation>
    </message>
    <message>
        <source>&amp;Identitas</source>
        <translation>&amp;Identity</translation>
    </message>
    <message>
        <source>&amp;Jenis</source>
        <translation>&amp;Type</translation>
    </message>
    <message>
        <source>S&amp;umber</source>
        <translation>So&amp;urce</translation>
    </message>
    <message>
        <source>Jumlah &amp;anggota</source>
        <translation>Number of &amp;members</translation>
    </message>
    <message>
        <source>&amp;Catatan</source>
        <translation>&amp;Note</translation>
    </message>
    <message>
        <source>Ca&amp;tat PPKS</source>
        <translation>Re&amp;cord PPKS</translation>
    </message>
    <message>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Siapa</source>
        <translation>Who</translation>
    </message>
    <message>
        <source>Jenis PPKS</source>
        <translation>PPKS type</translation>
    </message>
    <message>
        <source>Sumber</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Catatan PPKS terbaru</source>
        <translation>Latest PPKS records</translation>
    </message>
    <message>
        <source>Dicatat: {0} - {1}.</source>
        <translation>Recorded: {0} - {1}.</translation>
    </message>
</context>
<context>
    <name>prelist</name>
    <message>
        <source>Usulan daftar awal (pre-list) DTKS</source>
        <translation>DTKS pre-list proposals</translation>
    </message>
    <message>
        <source>Periode usulan</source>
        <translation>Proposal period</translation>
    </message>
    <message>
        <source>Mis. {0}, bulan lalu, kuartal lalu</source>
        <translation>E.g. {0}, last month, last quarter</translation>
    </message>
    <message>
        <source>&amp;Periode:</source>
        <translation>&amp;Period:</translation>
    </message>
    <message>
        <source>&amp;Tampilkan</source>
        <translation>&amp;Show</translation>
    </message>
    <message>
        <source>&amp;Simpan XLSX dan PDF…</source>
        <translation>Save &amp;XLSX and PDF…</translation>
    </message>
    <message>
        <source>Catat &amp;musyawarah desa…</source>
        <translation>Record village &amp;meeting…</translation>
    </message>
    <message>
        <source>Tanggal musyawarah desa dan nomor SIKS-NG usulan yang dipilih</source>
        <translation>Village meeting date and SIKS-NG number of the chosen proposal</translation>
    </message>
    <message>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Alamat</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Alasan</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Usulan pada periode ini</source>
        <translation>Proposals in this period</translation>
    </message>
    <message>
        <source>Usulan daftar awal yang dikembalikan peninjau tampil di sini untuk diperbaiki. Belum ada yang dikembalikan.</source>
        <translation>Pre-list proposals the reviewer returns show here to be corrected. None has been returned.</translation>
    </message>
    <message>
        <source>Catatan peninjau</source>
        <translation>Reviewer&apos;s note</translation>
    </message>
    <message>
        <source>Usulan yang dikembalikan peninjau</source>
        <translation>Proposals returned by the reviewer</translation>
    </message>
    <message>
        <source>Dikembalikan peninjau:</source>
        <translation>Returned by the reviewer:</translation>
    </message>
    <message>
        <source>Perbaiki dan a&amp;jukan lagi…</source>
        <translation>Correct and re&amp;submit…</translation>
    </message>
    <message>
        <source>Dikembalikan peninjau ({0}): perbaiki alasannya, lalu ajukan lagi.</source>
        <translation>Returned by the reviewer ({0}): correct the reason, then submit again.</translation>
    </message>
    <message>
        <source>{0}: {1} orang diusulkan. Berkas yang disimpan memuat NIK lengkap untuk kantor verifikasi; simpan di tempat aman.</source>
        <translation>{0}: {1} people proposed. The saved files hold full NIKs for the verification office; keep them somewhere safe.</translation>
    </message>
    <message>
        <source>Berkas tidak dapat ditulis ({0}). Pilih folder lain.</source>
        <translation>The file cannot be written ({0}). Choose another folder.</translation>
    </message>
    <message>
        <source>Disimpan: {0}</source>
        <translation>Saved: {0}</translation>
    </message>
    <message>
        <source>Simpan usulan ke folder</source>
        <translation>Save the proposals to a folder</translation>
    </message>
    <message>
        <source>Pilih dulu baris pengusul di daftar.</source>
        <translation>First choose the proposer&apos;s row in the list.</translation>
    </message>
    <message>
        <source>Tulis tanggal sebagai HH-BB-TTTT.</source>
        <translation>Write the date as DD-MM-YYYY.</translation>
    </message>
    <message>
        <source>Pilih dulu usulan yang dikembalikan di daftar.</source>
        <translation>First choose a returned proposal in the list.</translation>
    </message>
    <message>
        <source>Perbaiki usulan daftar awal</source>
        <translation>Correct the pre-list proposal</translation>
    </message>
    <message>
        <source>&amp;Alasan usulan</source>
        <translation>&amp;Reason for the proposal</translation>
    </message>
    <message>
        <source>Ajukan lagi</source>
        <translation>Submit again</translation>
    </message>
    <message>
        <source>{0}. Catatan peninjau: {1}</source>
        <translation>{0}. Reviewer&apos;s note: {1}</translation>
    </message>
    <message>
        <source>Musyawarah desa dan SIKS-NG</source>
        <translation>Village meeting and SIKS-NG</translation>
    </message>
    <message>
        <source>&amp;Tanggal musyawarah desa</source>
        <translation>Village meeting &amp;date</translation>
    </message>
    <message>
        <source>HH-BB-TTTT, mis. 07-08-2026</source>
        <translation>DD-MM-YYYY, e.g. 07-08-2026</translation>
    </message>
    <message>
        <source>&amp;Nomor usulan di SIKS-NG</source>
        <translation>SIKS-NG proposal &amp;number</translation>
    </message>
    <message>
        <source>Isi setelah usulan dimasukkan ke SIKS-NG</source>
        <translation>Fill in once the proposal is entered in SIKS-NG</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
</context>
<context>
    <name>print_job_model</name>
    <message>
        <source>Waktu</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Nomor</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>Printer</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Keterangan</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Menunggu</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <source>Terkirim</source>
        <translation>Sent</translation>
    </message>
    <message>
        <source>Belum pasti</source>
        <translation>Not confirmed</translation>
    </message>
    <message>
        <source>GAGAL</source>
        <translation>FAILED</translation>
    </message>
</context>
<context>
    <name>printer</name>
    <message>
        <source>&amp;Alamat printer</source>
        <translation>Printer &amp;address</translation>
    </message>
    <message>
        <source>usb:0416:5011  net:192.168.1.50:9100  file:/dev/usb/lp0</source>
        <translation>usb:0416:5011  net:192.168.1.50:9100  file:/dev/usb/lp0</translation>
    </message>
    <message>
        <source>&amp;Lebar kertas</source>
        <translation>Paper &amp;width</translation>
    </message>
    <message>
        <source>{0} mm</source>
        <translation>{0} mm</translation>
    </message>
    <message>
        <source>&amp;Simpan pengaturan</source>
        <translation>&amp;Save settings</translation>
    </message>
    <message>
        <source>&amp;Cetak uji</source>
        <translation>&amp;Test print</translation>
    </message>
    <message>
        <source>Cetak c&amp;ontoh A4…</source>
        <translation>Print an A4 sample…</translation>
    </message>
    <message>
        <source>Simpan contoh A4 (&amp;PDF)…</source>
        <translation>Save the A4 sample (&amp;PDF)…</translation>
    </message>
    <message>
        <source>Hasil cetak</source>
        <translation>Print result</translation>
    </message>
    <message>
        <source>Cetakan terakhir</source>
        <translation>Last printouts</translation>
    </message>
    <message>
        <source>Cetak &amp;ulang</source>
        <translation>Print a&amp;gain</translation>
    </message>
    <message>
        <source>Isi cetakan terpilih</source>
        <translation>Content of the selected printout</translation>
    </message>
    <message>
        <source>Pengaturan printer disimpan.</source>
        <translation>Printer settings saved.</translation>
    </message>
    <message>
        <source>Isi alamat printer dahulu, mis. usb:0416:5011.</source>
        <translation>Fill in the printer address first, e.g. usb:0416:5011.</translation>
    </message>
    <message>
        <source>Mengirim ke printer…</source>
        <translation>Sending to the printer…</translation>
    </message>
    <message>
        <source>contoh A4</source>
        <translation>A4 sample</translation>
    </message>
    <message>
        <source>Contoh A4 dikirim ke printer sistem.</source>
        <translation>A4 sample sent to the system printer.</translation>
    </message>
    <message>
        <source>Disimpan: {0}</source>
        <translation>Saved: {0}</translation>
    </message>
    <message>
        <source>Pilih cetakan di tabel terlebih dahulu.</source>
        <translation>First choose a printout in the table.</translation>
    </message>
    <message>
        <source>Cetakan disimpan dan dapat dicetak ulang dari daftar di bawah.</source>
        <translation>Printout saved; it can be printed again from the list below.</translation>
    </message>
</context>
<context>
    <name>profiles</name>
    <message>
        <source>Profil daerah: peraturan yang diikuti kantor</source>
        <translation>Regional profile: the regulation this office follows</translation>
    </message>
    <message>
        <source>Profil menentukan siapa menyetujui, jatuh tempo, sebutan jabatan dan penanda tangan surat. Profil baru berlaku untuk kasus baru; kasus yang sudah berjalan tetap mengikuti profil saat dibuka.</source>
        <translation>The profile decides who approves, when things are due, what the posts are called and who signs letters. A new profile applies to new cases; cases already open keep the profile they were opened under.</translation>
    </message>
    <message>
        <source>&amp;Pakai profil ini</source>
        <translation>&amp;Use this profile</translation>
    </message>
    <message>
        <source>Isi profil dan pasalnya</source>
        <translation>The profile and its articles</translation>
    </message>
    <message>
        <source>Pro&amp;fil</source>
        <translation>Pro&amp;file</translation>
    </message>
    <message>
        <source> (dipakai)</source>
        <translation> (in use)</translation>
    </message>
    <message>
        <source>Dipakai: {0}, versi {1}. Berlaku untuk kasus baru.</source>
        <translation>In use: {0}, version {1}. Applies to new cases.</translation>
    </message>
</context>
<context>
    <name>programme_info</name>
    <message>
        <source>Keluarga</source>
        <translation>Household</translation>
    </message>
    <message>
        <source>Perorangan</source>
        <translation>Individual</translation>
    </message>
    <message>
        <source>Kode</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Tingkat</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>Pengelola</source>
        <translation>Managed by</translation>
    </message>
    <message>
        <source>Untuk</source>
        <translation>For</translation>
    </message>
    <message>
        <source>Kriteria</source>
        <translation>Criteria</translation>
    </message>
    <message>
        <source>Belum ditulis.</source>
        <translation>Not written yet.</translation>
    </message>
    <message>
        <source>Program bantuan</source>
        <translation>Assistance programmes</translation>
    </message>
    <message>
        <source>Untuk menjelaskan program kepada warga. Syarat di sini petunjuk; penetapan penerima oleh pengelola program.</source>
        <translation>For explaining programmes to citizens. The criteria here are guidance; recipients are decided by the programme&apos;s managing body.</translation>
    </message>
    <message>
        <source>mis. sembako, lansia, sekolah, Dinas Sosial</source>
        <translation>e.g. sembako, lansia, sekolah, Dinas Sosial</translation>
    </message>
    <message>
        <source>Cari program</source>
        <translation>Search programmes</translation>
    </message>
    <message>
        <source>&amp;Cari program:</source>
        <translation>&amp;Search programmes:</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Daftar program</source>
        <translation>Programme list</translation>
    </message>
    <message>
        <source>Keterangan program</source>
        <translation>Programme details</translation>
    </message>
    <message>
        <source>Pilih program di daftar untuk membaca syaratnya.</source>
        <translation>Choose a programme in the list to read its criteria.</translation>
    </message>
    <message>
        <source>{0} dari {1} program</source>
        <translation>{0} of {1} programmes</translation>
    </message>
</context>
<context>
    <name>programmes</name>
    <message>
        <source>Desa</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>Kabupaten</source>
        <translation>Kabupaten</translation>
    </message>
    <message>
        <source>Provinsi</source>
        <translation>Province</translation>
    </message>
    <message>
        <source>Pusat</source>
        <translation>National</translation>
    </message>
    <message>
        <source>Non-pemerintah</source>
        <translation>Non-government</translation>
    </message>
    <message>
        <source>Keluarga</source>
        <translation>Family</translation>
    </message>
    <message>
        <source>Orang</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Katalog program dan kriteria penerima</source>
        <translation>Programme catalogue and eligibility criteria</translation>
    </message>
    <message>
        <source>Kode</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Tingkat</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>Kriteria dari</source>
        <translation>Criteria from</translation>
    </message>
    <message>
        <source>Sumber</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>kantor ini</source>
        <translation>this office</translation>
    </message>
    <message>
        <source>bawaan/kabupaten</source>
        <translation>built-in/kabupaten</translation>
    </message>
    <message>
        <source>Katalog program</source>
        <translation>Programme catalogue</translation>
    </message>
    <message>
        <source>Kriteria program terpilih</source>
        <translation>Criteria of the chosen programme</translation>
    </message>
    <message>
        <source>Setiap baris satu syarat. Baris &apos;Wajib&apos; harus terpenuhi semua; dari baris &apos;Salah satu dari kelompok&apos; cukup satu. Hasilnya petunjuk di loket, bukan keputusan.</source>
        <translation>Each row is one condition. Every &apos;Required&apos; row must be met; of the &apos;One of the group&apos; rows, one is enough. The result is a hint at the counter, not a decision.</translation>
    </message>
    <message>
        <source>Kembali ke kriteria bawaan, tanpa perubahan kantor ini</source>
        <translation>Back to the shipped criteria, without this office&apos;s changes</translation>
    </message>
    <message>
        <source>Program {0} ditambahkan. Tambah baris kriterianya lalu Simpan.</source>
        <translation>Programme {0} added. Add its criterion rows, then Save.</translation>
    </message>
    <message>
        <source>K&amp;riteria program terpilih:</source>
        <translation>C&amp;riteria of the selected programme:</translation>
    </message>
    <message>
        <source>&amp;Simpan kriteria</source>
        <translation>&amp;Save criteria</translation>
    </message>
    <message>
        <source>Kriteria &amp;bawaan</source>
        <translation>Shipped &amp;criteria</translation>
    </message>
    <message>
        <source>&amp;Tambah program daerah/desa…</source>
        <translation>&amp;Add a regional/village programme…</translation>
    </message>
    <message>
        <source>Pilih program di tabel dulu.</source>
        <translation>First choose a programme in the table.</translation>
    </message>
    <message>
        <source>Kriteria {0} kembali ke bawaan.</source>
        <translation>Criteria of {0} back to the shipped ones.</translation>
    </message>
    <message>
        <source>Kriteria {0} disimpan; dipakai di petunjuk loket dan tidak tertimpa pembaruan daftar.</source>
        <translation>Criteria of {0} saved; used in the counter&apos;s hints and not overwritten when the lists are updated.</translation>
    </message>
    <message>
        <source>Tambah program</source>
        <translation>Add programme</translation>
    </message>
    <message>
        <source>&amp;Kode</source>
        <translation>&amp;Code</translation>
    </message>
    <message>
        <source>mis. BANSOS-LANSIA</source>
        <translation>e.g. BANSOS-LANSIA</translation>
    </message>
    <message>
        <source>&amp;Nama program</source>
        <translation>&amp;Programme name</translation>
    </message>
    <message>
        <source>&amp;Tingkat</source>
        <translation>&amp;Level</translation>
    </message>
    <message>
        <source>&amp;Sasaran</source>
        <translation>&amp;Target</translation>
    </message>
    <message>
        <source>&amp;Pengelola</source>
        <translation>&amp;Managed by</translation>
    </message>
    <message>
        <source>Tambah</source>
        <translation>Add</translation>
    </message>
</context>
<context>
    <name>queue_calls</name>
    <message>
        <source>Alihkan antrian</source>
        <translation>Transfer the ticket</translation>
    </message>
    <message>
        <source>(layanan tetap)</source>
        <translation>(same service)</translation>
    </message>
    <message>
        <source>(loket mana saja)</source>
        <translation>(any counter)</translation>
    </message>
    <message>
        <source>&amp;Layanan tujuan</source>
        <translation>&amp;Service to go to</translation>
    </message>
    <message>
        <source>L&amp;oket tujuan</source>
        <translation>C&amp;ounter to go to</translation>
    </message>
    <message>
        <source>Alihkan</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Belum ada nomor di loket ini.</source>
        <translation>No number at this counter yet.</translation>
    </message>
    <message>
        <source>Nomor di loket ini</source>
        <translation>Number at this counter</translation>
    </message>
    <message>
        <source>Me&amp;nunggu (prioritas dulu, lalu yang paling lama):</source>
        <translation>&amp;Waiting (priority first, then the longest):</translation>
    </message>
    <message>
        <source>T&amp;idak hadir (dapat dipanggil ulang):</source>
        <translation>Did not &amp;come (may be called again):</translation>
    </message>
    <message>
        <source>Panggilan antrian</source>
        <translation>Queue calls</translation>
    </message>
    <message>
        <source>Loket komputer ini</source>
        <translation>This computer&apos;s counter</translation>
    </message>
    <message>
        <source>&amp;Loket ini:</source>
        <translation>&amp;This counter:</translation>
    </message>
    <message>
        <source>Buka &amp;papan antrian</source>
        <translation>Open the queue &amp;board</translation>
    </message>
    <message>
        <source>Panggil &amp;berikutnya (F5)</source>
        <translation>Call &amp;next (F5)</translation>
    </message>
    <message>
        <source>Panggil &amp;ulang (F6)</source>
        <translation>Call &amp;again (F6)</translation>
    </message>
    <message>
        <source>&amp;Mulai layani (F7)</source>
        <translation>&amp;Start serving (F7)</translation>
    </message>
    <message>
        <source>&amp;Selesai (F8)</source>
        <translation>&amp;Done (F8)</translation>
    </message>
    <message>
        <source>&amp;Tidak hadir (F9)</source>
        <translation>Did not co&amp;me (F9)</translation>
    </message>
    <message>
        <source>Le&amp;wati</source>
        <translation>S&amp;kip</translation>
    </message>
    <message>
        <source>&amp;Alihkan…</source>
        <translation>T&amp;ransfer…</translation>
    </message>
    <message>
        <source>Nomor</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Layanan</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Prioritas</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>Diambil</source>
        <translation>Taken</translation>
    </message>
    <message>
        <source>Loket tujuan</source>
        <translation>Counter to go to</translation>
    </message>
    <message>
        <source>Nomor yang menunggu</source>
        <translation>Numbers waiting</translation>
    </message>
    <message>
        <source>Loket</source>
        <translation>Counter</translation>
    </message>
    <message>
        <source>Nomor yang tidak hadir</source>
        <translation>Numbers that did not come</translation>
    </message>
    <message>
        <source>Panggil ulang yang dipilih</source>
        <translation>Call the selected one again</translation>
    </message>
    <message>
        <source>Panggil ulang nomor tidak hadir yang dipilih</source>
        <translation>Call the selected missed number again</translation>
    </message>
    <message>
        <source>{0} menunggu</source>
        <translation>{0} waiting</translation>
    </message>
    <message>
        <source>rata-rata tunggu {0} menit</source>
        <translation>average wait {0} minutes</translation>
    </message>
    <message>
        <source>rata-rata layanan {0} menit</source>
        <translation>average service {0} minutes</translation>
    </message>
    <message>
        <source>Tidak ada nomor yang menunggu.</source>
        <translation>No number is waiting.</translation>
    </message>
    <message>
        <source>Belum ada nomor di loket ini. Tekan F5 untuk memanggil.</source>
        <translation>No number at this counter yet. Press F5 to call.</translation>
    </message>
    <message>
        <source>Pilih dulu nomor yang tidak hadir di daftar bawah.</source>
        <translation>First choose a missed number in the lower list.</translation>
    </message>
    <message>
        <source>Papan tampil tanpa suara ({0}). Nomor tetap tampil besar di papan. Cara memasang suara: halaman Tampilan.</source>
        <translation>The board shows without sound ({0}). Numbers still show large on the board. How to install a voice: the Display page.</translation>
    </message>
</context>
<context>
    <name>ranking</name>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Kuota / putusan</source>
        <translation>Quota / decision</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>No. KK</source>
        <translation>KK number</translation>
    </message>
    <message>
        <source>Desil</source>
        <translation>Decile</translation>
    </message>
    <message>
        <source>Skor</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Alasan</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>desil</source>
        <translation>decile</translation>
    </message>
    <message>
        <source>balita</source>
        <translation>children under 6</translation>
    </message>
    <message>
        <source>anak usia sekolah</source>
        <translation>school-age children</translation>
    </message>
    <message>
        <source>lansia</source>
        <translation>elderly</translation>
    </message>
    <message>
        <source>disabilitas</source>
        <translation>disability</translation>
    </message>
    <message>
        <source>kebutuhan tercatat</source>
        <translation>recorded need</translation>
    </message>
    <message>
        <source>jumlah anggota</source>
        <translation>household size</translation>
    </message>
    <message>
        <source>Peringkat calon penerima program daerah / desa</source>
        <translation>Ranking candidates for a regional / village programme</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Programme</translation>
    </message>
    <message>
        <source>Kuota keluarga</source>
        <translation>Quota of families</translation>
    </message>
    <message>
        <source>&amp;Hitung peringkat</source>
        <translation>&amp;Rank</translation>
    </message>
    <message>
        <source>&amp;Simpan PDF dan XLSX…</source>
        <translation>&amp;Save PDF and XLSX…</translation>
    </message>
    <message>
        <source>&amp;Program:</source>
        <translation>&amp;Programme:</translation>
    </message>
    <message>
        <source>K&amp;uota:</source>
        <translation>&amp;Quota:</translation>
    </message>
    <message>
        <source>A&amp;jukan ke supervisor</source>
        <translation>Su&amp;bmit to the supervisor</translation>
    </message>
    <message>
        <source>Peringkat calon</source>
        <translation>Candidate ranking</translation>
    </message>
    <message>
        <source>Pilih program, kuota dan bobot, lalu Hitung.</source>
        <translation>Choose a programme, a quota and the weights, then Rank.</translation>
    </message>
    <message>
        <source>Bobot:</source>
        <translation>Weights:</translation>
    </message>
    <message>
        <source>Bobot {0}</source>
        <translation>Weight of {0}</translation>
    </message>
    <message>
        <source>Daftar yang diajukan</source>
        <translation>Submitted lists</translation>
    </message>
    <message>
        <source>&amp;Buka</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <source>Keputusan &amp;musdes…</source>
        <translation>&amp;Meeting decision…</translation>
    </message>
    <message>
        <source>&amp;Daftar diajukan:</source>
        <translation>S&amp;ubmitted list:</translation>
    </message>
    <message>
        <source>Catatan pemeriksaan (wajib bila ditolak)</source>
        <translation>Review note (required when refusing)</translation>
    </message>
    <message>
        <source>Catatan pemeriksaan</source>
        <translation>Review note</translation>
    </message>
    <message>
        <source>Se&amp;tujui daftar</source>
        <translation>Appro&amp;ve list</translation>
    </message>
    <message>
        <source>T&amp;olak daftar</source>
        <translation>Re&amp;fuse list</translation>
    </message>
    <message>
        <source>ya</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>{0} keluarga diperingkat untuk {1}; {2} dalam kuota. Tidak diperingkat: {3} (alasannya ada di berkas). Daftar ini bahan musyawarah desa, bukan keputusan.</source>
        <translation>{0} families ranked for {1}; {2} within the quota. Not ranked: {3} (the reasons are in the file). This list is material for the village meeting, not a decision.</translation>
    </message>
    <message>
        <source>Simpan peringkat ke folder</source>
        <translation>Save the ranking to a folder</translation>
    </message>
    <message>
        <source>Disimpan: {0}</source>
        <translation>Saved: {0}</translation>
    </message>
    <message>
        <source>Belum ada daftar yang diajukan</source>
        <translation>No list submitted yet</translation>
    </message>
    <message>
        <source>Diajukan ke supervisor: {0}, {1} keluarga diperingkat. Supervisor memeriksanya di halaman ini.</source>
        <translation>Submitted to the supervisor: {0}, {1} families ranked. The supervisor reviews it on this page.</translation>
    </message>
    <message>
        <source>Belum ada daftar yang diajukan.</source>
        <translation>No list submitted yet.</translation>
    </message>
    <message>
        <source> Catatan supervisor: {0}</source>
        <translation> Supervisor&apos;s note: {0}</translation>
    </message>
    <message>
        <source>{0}, diajukan oleh {1}. {2}{3}</source>
        <translation>{0}, submitted by {1}. {2}{3}</translation>
    </message>
    <message>
        <source>Pilih daftar yang diperiksa.</source>
        <translation>Choose the list to review.</translation>
    </message>
    <message>
        <source>Pilih daftar yang diputuskan musyawarah.</source>
        <translation>Choose the list the meeting decided on.</translation>
    </message>
    <message>
        <source>Keputusan musyawarah dicatat untuk daftar yang sudah disetujui supervisor dan belum diputuskan.</source>
        <translation>The meeting&apos;s decision is recorded for a list the supervisor approved and that is not decided yet.</translation>
    </message>
    <message>
        <source>Keputusan musdes {0} dicatat: {1} keluarga ditetapkan. Dikirim ke kabupaten pada sinkronisasi berikutnya.</source>
        <translation>Meeting decision {0} recorded: {1} families selected. Sent to the kabupaten at the next sync.</translation>
    </message>
    <message>
        <source>Berkas tidak dapat ditulis ({0}). Pilih folder lain.</source>
        <translation>The file cannot be written ({0}). Choose another folder.</translation>
    </message>
</context>
<context>
    <name>ranking_decision</name>
    <message>
        <source>Keputusan musyawarah desa</source>
        <translation>Village meeting decision</translation>
    </message>
    <message>
        <source>mis. 140/05/BA/XI/2026</source>
        <translation>e.g. 140/05/BA/XI/2026</translation>
    </message>
    <message>
        <source>&amp;Tanggal musyawarah</source>
        <translation>&amp;Meeting date</translation>
    </message>
    <message>
        <source>&amp;Nomor berita acara</source>
        <translation>&amp;Minutes number</translation>
    </message>
    <message>
        <source>{0}, kuota {1} keluarga. Pilih keputusan tiap keluarga; yang ditetapkan tidak boleh melebihi kuota. Keputusan dikirim ke kabupaten.</source>
        <translation>{0}, quota {1} families. Choose the decision for each family; no more may be selected than the quota. The decision is sent to the kabupaten.</translation>
    </message>
    <message>
        <source>Keputusan per keluarga</source>
        <translation>Decision per family</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>No. KK</source>
        <translation>KK number</translation>
    </message>
    <message>
        <source>Keputusan</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>Keputusan untuk {0}</source>
        <translation>Decision for {0}</translation>
    </message>
    <message>
        <source>Catat keputusan</source>
        <translation>Record decision</translation>
    </message>
    <message>
        <source>Ditetapkan</source>
        <translation>Selected</translation>
    </message>
    <message>
        <source>Cadangan</source>
        <translation>Reserve</translation>
    </message>
    <message>
        <source>Tidak ditetapkan</source>
        <translation>Not selected</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>receipt_step</name>
    <message>
        <source>Nomor lacak</source>
        <translation>Tracking number</translation>
    </message>
    <message>
        <source>Ringkasan</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Status cetak</source>
        <translation>Print status</translation>
    </message>
    <message>
        <source>Cetak &amp;ulang struk</source>
        <translation>Print the &amp;slip again</translation>
    </message>
    <message>
        <source>Cetak &amp;A4…</source>
        <translation>Print &amp;A4…</translation>
    </message>
    <message>
        <source>tanda terima</source>
        <translation>receipt</translation>
    </message>
    <message>
        <source>Simpan &amp;PDF…</source>
        <translation>Save &amp;PDF…</translation>
    </message>
    <message>
        <source>&amp;Warga berikutnya (Ctrl+N)</source>
        <translation>&amp;Next citizen (Ctrl+N)</translation>
    </message>
    <message>
        <source>Nomor lacak - sebutkan kepada warga:</source>
        <translation>Tracking number - tell it to the citizen:</translation>
    </message>
    <message>
        <source>DARURAT - </source>
        <translation>URGENT - </translation>
    </message>
    <message>
        <source>{0}{1} ({2}) - {3}
{4}
Tanda terima bertanda SEMENTARA sampai diterima server kabupaten.</source>
        <translation>{0}{1} ({2}) - {3}
{4}
The receipt is marked PROVISIONAL until the kabupaten server has received it.</translation>
    </message>
    <message>
        <source>Printer struk belum diatur (halaman Printer). Cetak A4 atau simpan PDF, atau bacakan nomor lacak.</source>
        <translation>The receipt printer is not set up (Printer page). Print on A4 or save a PDF, or read out the tracking number.</translation>
    </message>
    <message>
        <source>Mencetak tanda terima…</source>
        <translation>Printing the receipt…</translation>
    </message>
    <message>
        <source>Tanda terima: {0}</source>
        <translation>Receipt: {0}</translation>
    </message>
    <message>
        <source>Tanda terima disimpan; cetak ulang bila printer sudah siap.</source>
        <translation>Receipt saved; print it again when the printer is ready.</translation>
    </message>
    <message>
        <source>Disimpan: {0}</source>
        <translation>Saved: {0}</translation>
    </message>
</context>
<context>
    <name>register_step</name>
    <message>
        <source>Tanggal lahir ditulis HH-BB-TTTT, mis. 17-08-1990.</source>
        <translation>Write the date of birth as DD-MM-YYYY, e.g. 17-08-1990.</translation>
    </message>
    <message>
        <source>Lokasi ditulis lintang, bujur, mis. -6.9912, 110.2012.</source>
        <translation>Write the location as latitude, longitude, e.g. -6.9912, 110.2012.</translation>
    </message>
    <message>
        <source>&amp;Nama lengkap</source>
        <translation>&amp;Full name</translation>
    </message>
    <message>
        <source>N&amp;IK</source>
        <translation>N&amp;IK</translation>
    </message>
    <message>
        <source>N&amp;o. KK</source>
        <translation>&amp;KK number</translation>
    </message>
    <message>
        <source>Tempat &amp;lahir</source>
        <translation>Place of bir&amp;th</translation>
    </message>
    <message>
        <source>Tanggal lahir (HH-BB-TTTT)</source>
        <translation>Date of birth (DD-MM-YYYY)</translation>
    </message>
    <message>
        <source>&amp;Telepon</source>
        <translation>&amp;Phone</translation>
    </message>
    <message>
        <source>&amp;Alamat</source>
        <translation>&amp;Address</translation>
    </message>
    <message>
        <source>Nama ibu kandung</source>
        <translation>Mother&apos;s maiden name</translation>
    </message>
    <message>
        <source>Lokasi rumah (lintang, bujur)</source>
        <translation>House location (latitude, longitude)</translation>
    </message>
    <message>
        <source>&amp;Jenis kelamin</source>
        <translation>S&amp;ex</translation>
    </message>
    <message>
        <source>Laki-laki</source>
        <translation>Male</translation>
    </message>
    <message>
        <source>Perempuan</source>
        <translation>Female</translation>
    </message>
    <message>
        <source>&amp;Hubungan dalam KK</source>
        <translation>&amp;Relationship in the KK</translation>
    </message>
    <message>
        <source>&amp;Disabilitas</source>
        <translation>&amp;Disability</translation>
    </message>
    <message>
        <source>Tidak ada</source>
        <translation>None</translation>
    </message>
    <message>
        <source>-6.9912, 110.2012 (boleh kosong)</source>
        <translation>-6.9912, 110.2012 (may be empty)</translation>
    </message>
    <message>
        <source>&amp;Foto rumah…</source>
        <translation>House ph&amp;oto…</translation>
    </message>
    <message>
        <source>Foto rumah (boleh kosong)</source>
        <translation>House photo (may be empty)</translation>
    </message>
    <message>
        <source>Saya sudah memeriksa: ini orang yang berbeda</source>
        <translation>I have checked: this is a different person</translation>
    </message>
    <message>
        <source>&amp;Simpan pendaftaran (Enter)</source>
        <translation>&amp;Save registration (Enter)</translation>
    </message>
    <message>
        <source>Kem&amp;bali ke pencarian</source>
        <translation>&amp;Back to the search</translation>
    </message>
    <message>
        <source>Pilih foto rumah</source>
        <translation>Choose a photo of the house</translation>
    </message>
    <message>
        <source>Gambar (*.jpg *.jpeg *.png)</source>
        <translation>Images (*.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <source>Foto rumah: {0}</source>
        <translation>House photo: {0}</translation>
    </message>
    <message>
        <source>{0} Sudah ada: {1}.</source>
        <translation>{0} Already there: {1}.</translation>
    </message>
    <message>
        <source>B&amp;uka data {0}</source>
        <translation>Op&amp;en the record of {0}</translation>
    </message>
</context>
<context>
    <name>report_chart</name>
    <message>
        <source>Tiket</source>
        <translation>Tickets</translation>
    </message>
</context>
<context>
    <name>report_records</name>
    <message>
        <source> (ditampilkan {0} pertama)</source>
        <translation> (the first {0} shown)</translation>
    </message>
    <message>
        <source>{0} rekaman{1}. NIK disamarkan; buka kasus di halaman Kasus.</source>
        <translation>{0} records{1}. NIKs are masked; open the case on the Cases page.</translation>
    </message>
    <message>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Nomor / NIK</source>
        <translation>Number / NIK</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
</context>
<context>
    <name>self_service</name>
    <message>
        <source>Ambil nomor antrian</source>
        <translation>Take a queue number</translation>
    </message>
    <message>
        <source>Ambil nomor {0}</source>
        <translation>Take a number for {0}</translation>
    </message>
    <message>
        <source>P. Nomor prioritas
</source>
        <translation>P. Priority number
</translation>
    </message>
    <message>
        <source>Nomor prioritas untuk lanjut usia, penyandang disabilitas, ibu hamil dan lainnya</source>
        <translation>Priority number for the elderly, people with disabilities, pregnant women and others</translation>
    </message>
    <message>
        <source>Prioritas {0}</source>
        <translation>Priority: {0}</translation>
    </message>
    <message>
        <source>Kembali (Esc)</source>
        <translation>Back (Esc)</translation>
    </message>
    <message>
        <source>Kembali ke pilihan layanan</source>
        <translation>Back to the choice of services</translation>
    </message>
    <message>
        <source>Nomor antrian Anda</source>
        <translation>Your queue number</translation>
    </message>
    <message>
        <source>Sentuh layanan yang Anda perlukan (atau tekan angkanya).</source>
        <translation>Touch the service you need (or press its number).</translation>
    </message>
    <message>
        <source>Pilih jenis prioritas. Petugas dapat meminta bukti (KTP, KIA).</source>
        <translation>Choose the kind of priority. The officer may ask for proof (KTP, KIA).</translation>
    </message>
    <message>
        <source>Nomor prioritas dipilih. Sekarang sentuh layanan yang Anda perlukan.</source>
        <translation>Priority number chosen. Now touch the service you need.</translation>
    </message>
    <message>
        <source>Tidak ada antrian di depan Anda.</source>
        <translation>Nobody is in the queue before you.</translation>
    </message>
    <message>
        <source>Di depan Anda {0} orang.</source>
        <translation>{0} people before you.</translation>
    </message>
    <message>
        <source>Silakan ambil tiket Anda.</source>
        <translation>Please take your ticket.</translation>
    </message>
    <message>
        <source>Catat nomor ini; printer tiket belum ada.</source>
        <translation>Write this number down; there is no ticket printer yet.</translation>
    </message>
    <message>
        <source>Nomor Anda:</source>
        <translation>Your number:</translation>
    </message>
    <message>
        <source>Bila tiket tidak keluar, catat nomor ini.</source>
        <translation>If no ticket comes out, note this number.</translation>
    </message>
    <message>
        <source>Tiket tidak tercetak: catat nomor ini.</source>
        <translation>The ticket was not printed: write this number down.</translation>
    </message>
    <message>
        <source> Minta bantuan petugas.</source>
        <translation> Ask an officer for help.</translation>
    </message>
</context>
<context>
    <name>setup</name>
    <message>
        <source>WIB (Asia/Jakarta)</source>
        <translation>WIB (Asia/Jakarta)</translation>
    </message>
    <message>
        <source>WITA (Asia/Makassar)</source>
        <translation>WITA (Asia/Makassar)</translation>
    </message>
    <message>
        <source>WIT (Asia/Jayapura)</source>
        <translation>WIT (Asia/Jayapura)</translation>
    </message>
    <message>
        <source>Selamat datang. Atur Puskesos ini terlebih dahulu.</source>
        <translation>Welcome. Set up this Puskesos first.</translation>
    </message>
    <message>
        <source>&amp;Kode desa (Kemendagri)</source>
        <translation>&amp;Village code (Ministry of Home Affairs)</translation>
    </message>
    <message>
        <source>&amp;Nama desa/kelurahan</source>
        <translation>&amp;Name of the village</translation>
    </message>
    <message>
        <source>&amp;Zona waktu</source>
        <translation>&amp;Time zone</translation>
    </message>
    <message>
        <source>&amp;Alamat kantor</source>
        <translation>Office &amp;address</translation>
    </message>
    <message>
        <source>Nama &amp;Kepala Desa/Lurah</source>
        <translation>Name of the village &amp;head</translation>
    </message>
    <message>
        <source>Nama &amp;pengguna administrator</source>
        <translation>Administrator&apos;s &amp;user name</translation>
    </message>
    <message>
        <source>Nama &amp;lengkap administrator</source>
        <translation>Administrator&apos;s &amp;full name</translation>
    </message>
    <message>
        <source>Kata &amp;sandi (min. 8)</source>
        <translation>Pass&amp;word (min. 8)</translation>
    </message>
    <message>
        <source>&amp;Ulangi kata sandi</source>
        <translation>&amp;Repeat the password</translation>
    </message>
    <message>
        <source>Simpan dan mulai (Enter)</source>
        <translation>Save and start (Enter)</translation>
    </message>
    <message>
        <source>Kedua kata sandi tidak sama. Ketik ulang.</source>
        <translation>The two passwords differ. Type them again.</translation>
    </message>
</context>
<context>
    <name>shell</name>
    <message>
        <source>Antrian dan pendaftaran</source>
        <translation>Queue and registration</translation>
    </message>
    <message>
        <source>Panggilan antrian</source>
        <translation>Queue calls</translation>
    </message>
    <message>
        <source>Cek status</source>
        <translation>Check status</translation>
    </message>
    <message>
        <source>Kasus</source>
        <translation>Cases</translation>
    </message>
    <message>
        <source>Profil warga</source>
        <translation>Citizen profile</translation>
    </message>
    <message>
        <source>Persetujuan</source>
        <translation>Approvals</translation>
    </message>
    <message>
        <source>Sinkronisasi</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>Petugas</source>
        <translation>Officer</translation>
    </message>
    <message>
        <source>Data DTKS</source>
        <translation>DTKS data</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>Printer</translation>
    </message>
    <message>
        <source>Cadangan data</source>
        <translation>Backups</translation>
    </message>
    <message>
        <source>Jejak audit</source>
        <translation>Audit trail</translation>
    </message>
    <message>
        <source>Hak data warga</source>
        <translation>Citizens&apos; data rights</translation>
    </message>
    <message>
        <source>Usulan DTKS</source>
        <translation>DTKS proposals</translation>
    </message>
    <message>
        <source>Papan visual</source>
        <translation>Visual board</translation>
    </message>
    <message>
        <source>PPKS</source>
        <translation>PPKS</translation>
    </message>
    <message>
        <source>Pemutakhiran</source>
        <translation>Data updates</translation>
    </message>
    <message>
        <source>Peringkat calon</source>
        <translation>Candidate ranking</translation>
    </message>
    <message>
        <source>Program bantuan</source>
        <translation>Assistance programmes</translation>
    </message>
    <message>
        <source>Katalog program</source>
        <translation>Programme catalogue</translation>
    </message>
    <message>
        <source>Panduan disabilitas</source>
        <translation>Disability guide</translation>
    </message>
    <message>
        <source>Profil daerah</source>
        <translation>Regional profile</translation>
    </message>
    <message>
        <source>Beranda</source>
        <translation>Home</translation>
    </message>
    <message>
        <source>Tampilan</source>
        <translation>Display</translation>
    </message>
    <message>
        <source>Tentang</source>
        <translation>About</translation>
    </message>
    <message>
        <source>Menu halaman</source>
        <translation>Page menu</translation>
    </message>
    <message>
        <source>Petugas yang masuk</source>
        <translation>Officer logged in</translation>
    </message>
    <message>
        <source>&amp;Kunci layar (Ctrl+L)</source>
        <translation>&amp;Lock screen (Ctrl+L)</translation>
    </message>
    <message>
        <source>Keluar akun (Ctrl+Q)</source>
        <translation>Log out (Ctrl+Q)</translation>
    </message>
    <message>
        <source>Keadaan sinkronisasi</source>
        <translation>Sync state</translation>
    </message>
    <message>
        <source>Sinkron: berhasil</source>
        <translation>Sync: succeeded</translation>
    </message>
    <message>
        <source>Sinkron: kios belum terdaftar (data aman di sini)</source>
        <translation>Sync: kiosk not enrolled yet (data safe here)</translation>
    </message>
    <message>
        <source>Sinkron: tertunda (data aman di sini)</source>
        <translation>Sync: delayed (data safe here)</translation>
    </message>
    <message>
        <source>; {0} perlu perhatian</source>
        <translation>; {0} need attention</translation>
    </message>
</context>
<context>
    <name>sync_page</name>
    <message>
        <source>belum pernah</source>
        <translation>never</translation>
    </message>
    <message>
        <source>Sinkronisasi dengan kabupaten</source>
        <translation>Sync with the kabupaten</translation>
    </message>
    <message>
        <source>Keadaan sinkronisasi</source>
        <translation>Sync state</translation>
    </message>
    <message>
        <source>&amp;Sinkronkan sekarang</source>
        <translation>&amp;Sync now</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Perubahan</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>Alasan server</source>
        <translation>Server&apos;s reason</translation>
    </message>
    <message>
        <source>Data yang ditolak server</source>
        <translation>Data the server refused</translation>
    </message>
    <message>
        <source>Perlu &amp;perhatian (ditolak server, disimpan di sini):</source>
        <translation>Needs a&amp;ttention (refused by the server, kept here):</translation>
    </message>
    <message>
        <source>Hasil tindakan atas data karantina</source>
        <translation>Result of the action on quarantined data</translation>
    </message>
    <message>
        <source>Kirim &amp;ulang yang dipilih</source>
        <translation>Send the selected ones agai&amp;n</translation>
    </message>
    <message>
        <source>Setelah data atau server diperbaiki: kirim lagi</source>
        <translation>After the data or the server is fixed: send again</translation>
    </message>
    <message>
        <source>&amp;Buang yang dipilih…</source>
        <translation>&amp;Drop the selected ones…</translation>
    </message>
    <message>
        <source>Tidak dikirim lagi; alasannya dicatat di audit</source>
        <translation>Not sent again; the reason is recorded in the audit</translation>
    </message>
    <message>
        <source>&amp;Alamat server</source>
        <translation>Server &amp;address</translation>
    </message>
    <message>
        <source>K&amp;ode pendaftaran</source>
        <translation>Enrolment &amp;code</translation>
    </message>
    <message>
        <source>&amp;Daftarkan kios ini</source>
        <translation>&amp;Enrol this kiosk</translation>
    </message>
    <message>
        <source>Pendaftaran ke server SLRT kabupaten (administrator):</source>
        <translation>Enrolment with the kabupaten SLRT server (administrator):</translation>
    </message>
    <message>
        <source>Pilih dulu baris yang akan dikirim ulang.</source>
        <translation>First choose the rows to send again.</translation>
    </message>
    <message>
        <source>{0} data diantrekan lagi; dikirim pada sinkronisasi berikutnya.</source>
        <translation>{0} records queued again; sent at the next sync.</translation>
    </message>
    <message>
        <source>Buang data karantina</source>
        <translation>Drop quarantined data</translation>
    </message>
    <message>
        <source>{0} data tidak akan dikirim lagi. Tulis alasannya (dicatat di audit):</source>
        <translation>{0} records will not be sent again. Write the reason (recorded in the audit):</translation>
    </message>
    <message>
        <source>Pilih dulu baris yang akan dibuang.</source>
        <translation>First choose the rows to drop.</translation>
    </message>
    <message>
        <source>{0} data dibuang; alasannya dicatat di audit.</source>
        <translation>{0} records dropped; the reason is recorded in the audit.</translation>
    </message>
    <message>
        <source>Server kabupaten belum diatur. Data tetap tersimpan di sini dan antre dikirim.</source>
        <translation>The kabupaten server is not set up. Data stays stored here and queued to be sent.</translation>
    </message>
    <message>
        <source>Server: {0}. Terakhir berhasil: {1}. Menunggu dikirim: {2}. Perlu perhatian: {3}.</source>
        <translation>Server: {0}. Last success: {1}. Waiting to be sent: {2}. Needs attention: {3}.</translation>
    </message>
    <message>
        <source> Kios belum terdaftar.</source>
        <translation> Kiosk not enrolled yet.</translation>
    </message>
    <message>
        <source> Ditahan sampai ditinjau supervisor (profil daerah): {0}.</source>
        <translation> Held until the supervisor reviews them (regional profile): {0}.</translation>
    </message>
    <message>
        <source>Jam komputer ini berbeda {0} jam dari jam server; perbaiki jam.</source>
        <translation>This computer&apos;s clock differs by {0} hours from the server&apos;s; fix the clock.</translation>
    </message>
    <message>
        <source>Alamat server harus diawali https:// (sambungan terenkripsi).</source>
        <translation>The server address must start with https:// (an encrypted connection).</translation>
    </message>
    <message>
        <source>Isi kode pendaftaran dari pengelola SLRT kabupaten.</source>
        <translation>Fill in the enrolment code from the kabupaten SLRT manager.</translation>
    </message>
</context>
<context>
    <name>sync_runner</name>
    <message>
        <source>Sinkronisasi gagal: {0}</source>
        <translation>Sync failed: {0}</translation>
    </message>
</context>
<context>
    <name>words</name>
    <message>
        <source>Desa</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>Kabupaten</source>
        <translation>Kabupaten</translation>
    </message>
    <message>
        <source>Provinsi</source>
        <translation>Province</translation>
    </message>
    <message>
        <source>Pusat</source>
        <translation>National</translation>
    </message>
    <message>
        <source>Non-pemerintah</source>
        <translation>Non-government</translation>
    </message>
    <message>
        <source>setuju</source>
        <translation>approved</translation>
    </message>
    <message>
        <source>tolak</source>
        <translation>refused</translation>
    </message>
    <message>
        <source>kembalikan untuk dilengkapi</source>
        <translation>return for more information</translation>
    </message>
    <message>
        <source>Petugas Front Office</source>
        <translation>Front office officer</translation>
    </message>
    <message>
        <source>Petugas Back Office</source>
        <translation>Back office officer</translation>
    </message>
    <message>
        <source>Koordinator Puskesos</source>
        <translation>Puskesos coordinator</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <source>Fasilitator</source>
        <translation>Facilitator</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>Layar antrian pintu</source>
        <translation>Door queue screen</translation>
    </message>
    <message>
        <source>Manajer SLRT kabupaten</source>
        <translation>Kabupaten SLRT manager</translation>
    </message>
    <message>
        <source>Diterima</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Ditelaah</source>
        <translation>Under review</translation>
    </message>
    <message>
        <source>Diproses</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>Menunggu persetujuan</source>
        <translation>Awaiting approval</translation>
    </message>
    <message>
        <source>Selesai</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <source>Dirujuk</source>
        <translation>Referred</translation>
    </message>
    <message>
        <source>Tidak dapat dipenuhi</source>
        <translation>Cannot be met</translation>
    </message>
    <message>
        <source>Ditutup</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>Sesuai jadwal</source>
        <translation>On schedule</translation>
    </message>
    <message>
        <source>Hampir jatuh tempo</source>
        <translation>Nearly due</translation>
    </message>
    <message>
        <source>Terlambat</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Draf</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>Menunggu persetujuan di Puskesos</source>
        <translation>Awaiting approval at the Puskesos</translation>
    </message>
    <message>
        <source>Menunggu keputusan SLRT kabupaten (dikirim saat sinkronisasi)</source>
        <translation>Awaiting the kabupaten SLRT&apos;s decision (sent at the next sync)</translation>
    </message>
    <message>
        <source>Disetujui; surat rujukan dapat dicetak</source>
        <translation>Approved; the referral letter can be printed</translation>
    </message>
    <message>
        <source>Dikembalikan untuk diperbaiki</source>
        <translation>Returned for correction</translation>
    </message>
    <message>
        <source>Ditolak</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <source>Dibatalkan</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Disetujui; menunggu tanda tangan</source>
        <translation>Approved; awaiting signature</translation>
    </message>
    <message>
        <source>Ditandatangani; siap diserahkan</source>
        <translation>Signed; ready to hand over</translation>
    </message>
    <message>
        <source>Sudah diserahkan kepada warga</source>
        <translation>Handed over to the citizen</translation>
    </message>
    <message>
        <source>Menunggu</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <source>Disetujui</source>
        <translation>Approved</translation>
    </message>
    <message>
        <source>Diterima di front office</source>
        <translation>Received at the front office</translation>
    </message>
    <message>
        <source>Status diubah</source>
        <translation>Status changed</translation>
    </message>
    <message>
        <source>Catatan analisis</source>
        <translation>Analysis note</translation>
    </message>
    <message>
        <source>Diajukan untuk persetujuan</source>
        <translation>Submitted for approval</translation>
    </message>
    <message>
        <source>Dikembalikan</source>
        <translation>Returned</translation>
    </message>
    <message>
        <source>Dikembalikan untuk dilengkapi</source>
        <translation>Returned for more information</translation>
    </message>
    <message>
        <source>Rujukan ditolak kabupaten</source>
        <translation>Referral refused by the kabupaten</translation>
    </message>
    <message>
        <source>Warga diberi tahu</source>
        <translation>Citizen informed</translation>
    </message>
    <message>
        <source>Produk layanan</source>
        <translation>Service product</translation>
    </message>
    <message>
        <source>Kabar dari kabupaten</source>
        <translation>News from the kabupaten</translation>
    </message>
    <message>
        <source>Jawaban instansi rujukan</source>
        <translation>Answer from the referral agency</translation>
    </message>
    <message>
        <source>Tahapan (prosedur Depok)</source>
        <translation>Stage (Depok procedure)</translation>
    </message>
    <message>
        <source>Keluarga terdampak ditambahkan</source>
        <translation>Affected household added</translation>
    </message>
    <message>
        <source>Ditinjau sebelum dikirim ke kabupaten</source>
        <translation>Reviewed before sending to the kabupaten</translation>
    </message>
    <message>
        <source>Dikembalikan oleh peninjau</source>
        <translation>Returned by the reviewer</translation>
    </message>
    <message>
        <source>Diperbaiki dan diajukan lagi untuk ditinjau</source>
        <translation>Corrected and submitted again for review</translation>
    </message>
    <message>
        <source>Dinaikkan (lewat jatuh tempo)</source>
        <translation>Escalated (past due)</translation>
    </message>
    <message>
        <source>Eskalasi diterima</source>
        <translation>Escalation taken up</translation>
    </message>
    <message>
        <source>Tinjauan hasil</source>
        <translation>Result review</translation>
    </message>
    <message>
        <source>Tinjauan pre-list</source>
        <translation>Pre-list review</translation>
    </message>
    <message>
        <source>Tinjauan pemutakhiran</source>
        <translation>Data update review</translation>
    </message>
    <message>
        <source>Eskalasi</source>
        <translation>Escalation</translation>
    </message>
    <message>
        <source>Menunggu tinjauan supervisor</source>
        <translation>Awaiting supervisor review</translation>
    </message>
    <message>
        <source>Dikembalikan peninjau</source>
        <translation>Returned by reviewer</translation>
    </message>
    <message>
        <source>Ditinjau, siap musyawarah desa</source>
        <translation>Reviewed, ready for the village meeting</translation>
    </message>
    <message>
        <source>Sudah dimusyawarahkan</source>
        <translation>Discussed in the village meeting</translation>
    </message>
    <message>
        <source>Sudah masuk SIKS-NG</source>
        <translation>Entered in SIKS-NG</translation>
    </message>
    <message>
        <source>Penyelesaian</source>
        <translation>Resolution</translation>
    </message>
    <message>
        <source>Rujukan</source>
        <translation>Referral</translation>
    </message>
    <message>
        <source>Laki-laki</source>
        <translation>Male</translation>
    </message>
    <message>
        <source>Perempuan</source>
        <translation>Female</translation>
    </message>
    <message>
        <source>Tidak diketahui</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <source>Jumlah</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}: {1}</translation>
    </message>
</context>
</TS>
