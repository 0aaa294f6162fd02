-- A database as the original Next.js + Prisma system left it on MySQL or
-- MariaDB: the DDL `prisma migrate dev` generated as
-- prisma/migrations/20251101125707_init/migration.sql, Prisma's own
-- _prisma_migrations table with the row for that migration, a table of the
-- original's own ("BlogPost", outside the shared schema), and some rows.
-- Backticks and single-quoted strings only, so it loads with or without
-- ANSI_QUOTES.
--
-- Passwords of the users (bcrypt, cost 10, as bcryptjs writes them):
--   admin@smmm-system.example  Admin123!         ($2a$)
--   ayse.yilmaz@example.com    client-pass-2024  ($2b$)
--
-- PrismaFixture's loader splits this file into statements at lines that end
-- with ';', so no line inside a statement may end with one.

-- CreateTable
CREATE TABLE `User` (
    `id` VARCHAR(191) NOT NULL,
    `name` VARCHAR(191) NULL,
    `email` VARCHAR(191) NOT NULL,
    `emailVerified` DATETIME(3) NULL,
    `password` VARCHAR(191) NOT NULL,
    `role` ENUM('ADMIN', 'CLIENT') NOT NULL DEFAULT 'CLIENT',
    `image` LONGTEXT NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    UNIQUE INDEX `User_email_key`(`email`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `Account` (
    `id` VARCHAR(191) NOT NULL,
    `userId` VARCHAR(191) NOT NULL,
    `type` VARCHAR(191) NOT NULL,
    `provider` VARCHAR(191) NOT NULL,
    `providerAccountId` VARCHAR(191) NOT NULL,
    `refresh_token` TEXT NULL,
    `access_token` TEXT NULL,
    `expires_at` INTEGER NULL,
    `token_type` VARCHAR(191) NULL,
    `scope` VARCHAR(191) NULL,
    `id_token` TEXT NULL,
    `session_state` VARCHAR(191) NULL,

    UNIQUE INDEX `Account_provider_providerAccountId_key`(`provider`, `providerAccountId`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `Session` (
    `id` VARCHAR(191) NOT NULL,
    `sessionToken` VARCHAR(191) NOT NULL,
    `userId` VARCHAR(191) NOT NULL,
    `expires` DATETIME(3) NOT NULL,

    UNIQUE INDEX `Session_sessionToken_key`(`sessionToken`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `VerificationToken` (
    `identifier` VARCHAR(191) NOT NULL,
    `token` VARCHAR(191) NOT NULL,
    `expires` DATETIME(3) NOT NULL,

    UNIQUE INDEX `VerificationToken_token_key`(`token`),
    UNIQUE INDEX `VerificationToken_identifier_token_key`(`identifier`, `token`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `ContactMessage` (
    `id` VARCHAR(191) NOT NULL,
    `name` VARCHAR(191) NOT NULL,
    `email` VARCHAR(191) NOT NULL,
    `phone` VARCHAR(191) NOT NULL,
    `subject` VARCHAR(191) NOT NULL,
    `message` TEXT NOT NULL,
    `status` ENUM('NEW', 'PENDING', 'REPLIED', 'RESOLVED') NOT NULL DEFAULT 'NEW',
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `AboutSection` (
    `id` VARCHAR(191) NOT NULL,
    `title` VARCHAR(191) NOT NULL,
    `subtitle` TEXT NULL,
    `description` TEXT NOT NULL,
    `image` LONGTEXT NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `AboutFeature` (
    `id` VARCHAR(191) NOT NULL,
    `sectionId` VARCHAR(191) NOT NULL,
    `icon` VARCHAR(191) NULL,
    `title` VARCHAR(191) NOT NULL,
    `description` TEXT NOT NULL,
    `isActive` BOOLEAN NOT NULL DEFAULT true,
    `order` INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- AddForeignKey
ALTER TABLE `Account` ADD CONSTRAINT `Account_userId_fkey` FOREIGN KEY (`userId`) REFERENCES `User`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `Session` ADD CONSTRAINT `Session_userId_fkey` FOREIGN KEY (`userId`) REFERENCES `User`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `AboutFeature` ADD CONSTRAINT `AboutFeature_sectionId_fkey` FOREIGN KEY (`sectionId`) REFERENCES `AboutSection`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- Prisma's bookkeeping table, as the schema engine creates it.
CREATE TABLE _prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             DATETIME(3),
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          DATETIME(3),
    started_at              DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    applied_steps_count     INTEGER UNSIGNED NOT NULL DEFAULT 0
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count)
VALUES ('0b6c3a1e-5d2f-4c8e-9a71-3f2d8e6b4c19', '9f2b7c4e1d8a6b3f0e5c2a9d7b4f1e8c6a3d0b5f2e9c7a4d1b8f6e3c0a5d2b9f', '2025-11-01 12:57:07.412', '20251101125707_init', NULL, NULL, '2025-11-01 12:57:07.301', 1);

-- A table of the original's own, created by hand later; smmm must leave it alone.
CREATE TABLE `BlogPost` (
    `id` VARCHAR(191) NOT NULL,
    `slug` VARCHAR(191) NOT NULL,
    `title` VARCHAR(191) NOT NULL,
    `content` TEXT NOT NULL,
    `authorId` VARCHAR(191) NULL,
    `published` BOOLEAN NOT NULL DEFAULT false,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    UNIQUE INDEX `BlogPost_slug_key`(`slug`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

ALTER TABLE `BlogPost` ADD CONSTRAINT `BlogPost_authorId_fkey` FOREIGN KEY (`authorId`) REFERENCES `User`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;

INSERT INTO `User` (`id`, `name`, `email`, `emailVerified`, `password`, `role`, `image`, `createdAt`, `updatedAt`) VALUES
('cmhfz1k2a0000l8q3admin0001', 'Sistem Yöneticisi', 'admin@smmm-system.example', NULL, '$2a$10$srwJX0TSNCk2dFghHiX9Fet.dos1R1sbwXrXbi37RfN9yMI8ydAqO', 'ADMIN', NULL, '2025-11-01 13:02:11.120', '2025-11-01 13:02:11.120'),
('cmhfz1k2a0001l8q3client002', 'Ayşe Yılmaz', 'ayse.yilmaz@example.com', '2025-11-02 08:15:42.007', '$2b$10$hjVAx3ns82xSXu0ieXWMtOiTjh4ciQ5m3UVCYAPbdZA55gTBfQ13.', 'CLIENT', 'https://example.com/avatars/ayse.png', '2025-11-02 08:14:03.551', '2025-11-03 10:20:30.999');

INSERT INTO `Account` (`id`, `userId`, `type`, `provider`, `providerAccountId`, `refresh_token`, `access_token`, `expires_at`, `token_type`, `scope`, `id_token`, `session_state`) VALUES
('cmhfz1k2a0002l8q3account01', 'cmhfz1k2a0001l8q3client002', 'oauth', 'google', '104857600000000000001', NULL, 'ya29.a0Af-fixture-token', 1762160000, 'Bearer', 'openid email profile', NULL, NULL);

INSERT INTO `Session` (`id`, `sessionToken`, `userId`, `expires`) VALUES
('cmhfz1k2a0003l8q3session01', 'b7e1c9a2-4f3d-4e8a-9c6b-2d1f0e9a8b7c', 'cmhfz1k2a0001l8q3client002', '2025-12-02 08:15:42.007');

INSERT INTO `VerificationToken` (`identifier`, `token`, `expires`) VALUES
('ayse.yilmaz@example.com', '5d1c0f3e9b8a7c6d5e4f3a2b1c0d9e8f', '2025-11-03 08:15:42.007');

INSERT INTO `ContactMessage` (`id`, `name`, `email`, `phone`, `subject`, `message`, `status`, `createdAt`, `updatedAt`) VALUES
('cmhg0a1b20000m9r4contact01', 'Mehmet Öztürk', 'mehmet.ozturk@example.com', '+90 532 111 22 33', 'Şirket kuruluşu', 'Merhaba, limited şirket kuruluşu için gereken belgeler nelerdir? Ücretiniz hakkında bilgi alabilir miyim?', 'NEW', '2025-11-04 09:30:00.125', '2025-11-04 09:30:00.125'),
('cmhg0a1b20001m9r4contact02', 'Gülşen Çağlar', 'gulsen.caglar@example.com', '0212 555 44 33', 'Beyanname desteği', 'İstanbul''daki işletmem için KDV beyannamesi ve e-defter konusunda desteğe ihtiyacım var.', 'PENDING', '2025-11-05 14:45:10.500', '2025-11-06 08:00:00.000'),
('cmhg0a1b20002m9r4contact03', 'İbrahim Şahin', 'ibrahim.sahin@example.com', '+90 (505) 987 65 43', 'Bordro hizmeti', 'Teşekkürler, bordro hizmeti teklifinizi aldık; sorunumuz çözüldü.', 'RESOLVED', '2025-11-06 17:05:59.999', '2025-11-07 11:11:11.111');

INSERT INTO `AboutSection` (`id`, `title`, `subtitle`, `description`, `image`, `createdAt`, `updatedAt`) VALUES
('cmhg0b2c30000n0s5about0001', 'Hakkımızda', 'Güvenilir mali müşavirlik', 'İşletmenizin muhasebe, vergi ve danışmanlık ihtiyaçlarını özenle karşılıyoruz. Güçlü ekibimizle doğru çözümler üretiyoruz.', '/images/about.jpg', '2025-11-01 13:20:00.000', '2025-11-08 09:00:00.000');

INSERT INTO `AboutFeature` (`id`, `sectionId`, `icon`, `title`, `description`, `isActive`, `order`) VALUES
('cmhg0b2c30001n0s5feature01', 'cmhg0b2c30000n0s5about0001', 'shield', 'Güvenilirlik', 'Yılların deneyimiyle işletmenizin yanındayız.', true, 0),
('cmhg0b2c30002n0s5feature02', 'cmhg0b2c30000n0s5about0001', 'chart', 'Şeffaf Çözümler', 'Her adımı açıkça paylaşıyor, sürprizlere yer bırakmıyoruz.', true, 1),
('cmhg0b2c30003n0s5feature03', 'cmhg0b2c30000n0s5about0001', NULL, 'Öğrenci İndirimi', 'Genç girişimcilere özel ücretsiz ön görüşme (şu an pasif).', false, 2);

INSERT INTO `BlogPost` (`id`, `slug`, `title`, `content`, `authorId`, `published`, `createdAt`) VALUES
('cmhg0c3d40000p1t6blog00001', 'kdv-oranlari-2025', 'KDV oranları 2025', 'Güncel KDV oranları ve istisnalar üzerine kısa bir özet.', 'cmhfz1k2a0000l8q3admin0001', true, '2025-11-09 10:00:00.000');
